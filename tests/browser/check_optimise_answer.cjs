// Opens an optimise report in headless Chromium (Debian's, via playwright-core)
// with the network cut off, and fails unless the first screen (the top 800 px
// of a 1280 px wide page, and of a 420 px phone) states the recommended plan in
// words and its cost over the period, as the results file has them.
//
// usage: node check_optimise_answer.cjs NODE_MODULES REPORT.html SCREENSHOT.png PLAN_WORDS COST PERIOD
'use strict';
const path = require('path');
const [nodeModules, report, screenshot, words, cost, period] = process.argv.slice(2);
const { chromium } = require(path.join(nodeModules, 'playwright-core'));

// As casesim writes money: the currency, then whole units with thousands separated by commas.
const money = '£' + Math.round(Number(cost)).toLocaleString('en-GB');

async function firstScreen(browser, width) {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  await page.goto('file://' + path.resolve(report));
  const answer = await page.$('#answer');
  if (!answer) return { problems: ['no #answer section'] };
  const box = await answer.boundingBox();
  const text = await answer.innerText();
  const problems = [];
  if (box.y > 800) problems.push(`at ${width} px the answer starts at ${box.y} px, below the first screen`);
  const sentences = text.split('\n').filter((s) => s.trim() !== '');
  const first = sentences.slice(0, 3).join(' ');
  if (!first.includes(`Recommended plan: ${words}.`)) problems.push(`the plan "${words}" is not named first: "${first}"`);
  if (!first.includes(`costs ${money} over the ${period}`))
    problems.push(`the cost "${money} over the ${period}" is not stated: "${first}"`);
  // Every sentence of the answer is on the first screen.
  const bottom = box.y + box.height;
  if (bottom > 800) problems.push(`at ${width} px the answer ends at ${bottom} px, below the first screen`);
  if (width > 1000) await page.screenshot({ path: screenshot });
  await page.close();
  return { problems };
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--no-first-run'],
  });
  const problems = [];
  try {
    for (const width of [1280, 420]) problems.push(...(await firstScreen(browser, width)).problems);
  } finally {
    await browser.close();
  }
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log(`first screen names "${words}" at ${money} over the ${period}`);
})();
