// Opens a casesim report in headless Chromium (Debian's, via playwright-core)
// with the network cut off, and fails unless every chart is drawn (its
// container holds an <svg> from vega-embed), nothing was fetched, and the
// console shows no errors. Saves a full-page screenshot for a person to look at.
//
// usage: node check_report.cjs NODE_MODULES REPORT.html SCREENSHOT.png [MIN_CHARTS]
'use strict';
const path = require('path');
const [nodeModules, report, screenshot, minCharts = '1'] = process.argv.slice(2);
const { chromium } = require(path.join(nodeModules, 'playwright-core'));

(async () => {
  const problems = [];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    page.on('console', (m) => { if (m.type() === 'error') problems.push('console error: ' + m.text()); });
    page.on('pageerror', (e) => problems.push('page error: ' + e.message));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      problems.push('network request (the report must work offline): ' + url);
      return route.abort();
    });
    await page.goto('file://' + path.resolve(report));
    await page.waitForFunction(
      () => [...document.querySelectorAll('div.chart')].every((c) => c.dataset.rendered),
      null, { timeout: 30000 });
    const charts = await page.$$eval('div.chart', (cs) => cs.map((c) => ({
      id: c.id, rendered: c.dataset.rendered, svg: c.querySelectorAll('svg').length,
      marks: c.querySelectorAll('svg .mark-line path, svg .mark-area path, svg .mark-symbol path, svg .mark-rect path, svg .mark-rule line').length,
    })));
    if (charts.length < Number(minCharts)) problems.push(`expected at least ${minCharts} charts, found ${charts.length}`);
    for (const c of charts) {
      if (c.rendered !== 'true' || c.svg === 0) problems.push(`chart ${c.id} was not drawn (${c.rendered})`);
      else if (c.marks === 0) problems.push(`chart ${c.id} has no marks`);
    }
    const brief = await page.$eval('#in-brief', (e) => e.innerText);
    if (!/Across \d+ replications?/.test(brief)) problems.push('the plain-language summary is missing');
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`${report}: ${charts.length} charts drawn: ${charts.map((c) => c.id).join(', ')}`);
    console.log(`screenshot: ${screenshot}`);
  } finally {
    await browser.close();
  }
  if (problems.length) {
    for (const p of problems) console.error(p);
    process.exit(1);
  }
})().catch((e) => { console.error(e); process.exit(1); });
