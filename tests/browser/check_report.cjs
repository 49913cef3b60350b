// Opens a casesim report in headless Chromium (Debian's, via playwright-core)
// with the network cut off, and fails unless every chart is drawn (its
// container holds an <svg> from vega-embed), nothing was fetched, and the
// console shows no errors. Saves a full-page screenshot for a person to look at.
//
// With --what-if (a report of a run started from a snapshot, with dated
// changes), also fails unless the page says where it started, every weekly
// chart draws each dated change in its range as a rule with its label, and the
// children-at-risk table has rows of pseudonyms. --doc-shot=FILE.png saves a
// shorter picture for the README: the top, two weekly charts and the first ten
// children.
//
// usage: node check_report.cjs NODE_MODULES REPORT.html SCREENSHOT.png [MIN_CHARTS] [--what-if] [--doc-shot=FILE.png]
'use strict';
const path = require('path');
const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith('--'));
const [nodeModules, report, screenshot, minCharts = '1'] = args.filter((a) => !a.startsWith('--'));
const whatIf = flags.includes('--what-if');
const docShot = (flags.find((f) => f.startsWith('--doc-shot=')) || '').slice('--doc-shot='.length);
const { chromium } = require(path.join(nodeModules, 'playwright-core'));

async function checkWhatIf(page) {
  const problems = [];
  const started = await page.$eval('#started-from', (e) => e.innerText).catch(() => '');
  if (!/^Started from the team as it was on \d{1,2} \w+ \d{4}: \d+ open children/.test(started))
    problems.push(`the starting point is not stated: "${started}"`);
  const changes = await page.$$eval('#dated-changes li', (items) => items.map((i) => i.innerText));
  if (changes.length === 0) problems.push('no dated changes are listed');
  // Each change's description, as every weekly chart labels it.
  const descriptions = changes.map((c) => c.slice(c.indexOf(': ') + 2));
  const weekly = await page.$$eval('div.chart[id^="series-"]', (cs) => cs.map((c) => ({
    id: c.id,
    rules: c.querySelectorAll('svg .mark-rule line').length,
    text: [...c.querySelectorAll('svg text')].map((t) => t.textContent).join('\n'),
  })));
  if (weekly.length === 0) problems.push('no weekly charts');
  for (const chart of weekly) {
    if (chart.rules < descriptions.length) problems.push(`chart ${chart.id}: ${chart.rules} rules for ${descriptions.length} dated changes`);
    for (const d of descriptions)
      if (!chart.text.includes(d)) problems.push(`chart ${chart.id} does not label the change "${d}"`);
  }
  const rows = await page.$$eval('#children-at-risk table.children-at-risk tbody tr',
                                 (rs) => rs.map((r) => [...r.cells].map((c) => c.innerText)));
  if (rows.length === 0) problems.push('the children-at-risk table has no rows');
  for (const r of rows) {
    if (!/^C-[0-9a-f]{16}$/.test(r[1])) problems.push(`a child is not named by pseudonym: "${r[1]}"`);
    if (!/^\d+(\.\d+)?% \(95% CI /.test(r[3])) problems.push(`no chance with its interval: "${r[3]}"`);
  }
  console.log(`what-if: ${changes.length} dated changes on ${weekly.length} weekly charts, ${rows.length} children listed`);
  return problems;
}

// The README's picture: the top of the page, the overdue visits and staff
// charts (where the changes show), and the first ten children.
async function takeDocShot(page, file) {
  await page.evaluate(() => {
    const keep = new Set(['series-overdue_visits', 'series-staff_fte']);
    for (const section of document.querySelectorAll('main > section')) {
      if (section.id === 'in-brief' || section.id === 'children-at-risk') continue;
      const charts = [...section.querySelectorAll('div.chart')].filter((c) => keep.has(c.id));
      if (charts.length === 0) { section.style.display = 'none'; continue; }
      // Hide every chart's heading, note and drawing but the kept ones.
      for (const chart of section.querySelectorAll('div.chart')) {
        if (keep.has(chart.id)) continue;
        chart.style.display = 'none';
        for (let e = chart.previousElementSibling; e && e.tagName !== 'DIV'; e = e.previousElementSibling) {
          if (e.tagName === 'H2') break;
          e.style.display = 'none';
        }
      }
    }
    for (const details of document.querySelectorAll('#children-at-risk details')) details.style.display = 'none';
    [...document.querySelectorAll('#children-at-risk tbody tr')].slice(10).forEach((r) => { r.style.display = 'none'; });
    for (const e of document.querySelectorAll('footer')) e.style.display = 'none';
  });
  await page.screenshot({ path: file, fullPage: true });
  console.log(`picture for the docs: ${file}`);
}

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
    if (whatIf) problems.push(...await checkWhatIf(page));
    await page.screenshot({ path: screenshot, fullPage: true });
    if (docShot) await takeDocShot(page, docShot);
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
