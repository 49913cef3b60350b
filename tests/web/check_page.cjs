// The page in headless Chromium (Debian's, driven by playwright-core), opened
// from file:// as a manager opens it from a shared drive. Any request that is
// not for a local file (or data:/blob:) is failed and recorded, and the test
// fails if there was one. Checks, each writing what the native side compares:
//   canary    the recording of outside requests catches one (so "none" means
//             none), and the page's own policy refuses a fetch from elsewhere
//   example   casesim.html#example runs 20 replications and shows the report
//             (the answer first, charts, the children at risk with their
//             workers: real names on her screen, none in the report she
//             downloads); writes OUT/page-example.json ({variants, summary:
//             {metric: [values per variant]}})
//   leaver    a worker added through the form as leaving, run; writes
//             OUT/page-leaver.json and the saved what-if OUT/page-leaver.yaml,
//             which page_checks.sh runs with `casesim run`; the saved file
//             names no one, and opened again gives the form the same changes
//   bad-csv   the example's files picked as hers show her team with an empty
//             form; with a bad FTE in workers.csv they give the command
//             line's "workers.csv:LINE: FTE: ..." message
//   base      the shipped what-if opened from disk: the page asks for the
//             file its `base:` names (../baseline.yaml, on its line), asks
//             again when given a file that is not that scenario, and given
//             the baseline shows the team and the what-if's changes, ready to
//             run; what it would save names no base
//   narrow    at 420 px wide nothing makes the page scroll sideways; with the
//             keyboard alone a change is added, Run started and Cancel stops it
// usage: node check_page.cjs NODE_MODULES SITE_DIR SNAPSHOT_DIR OUT_DIR WHAT_IF.yaml
'use strict';
const fs = require('fs');
const path = require('path');
const [nodeModules, site, snapshot, out, whatIf] = process.argv.slice(2);
const { chromium } = require(path.join(nodeModules, 'playwright-core'));

const problems = [];
// Real names in the example's workers.csv (its first column): shown only on her screen.
const realNames = fs.readFileSync(path.join(snapshot, 'workers.csv'), 'utf8').trim().split('\n').slice(1)
  .map((line) => line.split(',')[0]);
const outside = [];
const pageUrl = 'file://' + path.resolve(site, 'casesim.html');

function local(url) {
  return /^(file|data|blob|about):/.test(url);
}

async function open(browser, hash = '', viewport = { width: 1200, height: 900 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (local(url)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('request', (r) => { if (!local(r.url())) outside.push(r.url()); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  await page.goto(pageUrl + hash);
  return page;
}

function summaryOf(results) {
  const json = JSON.parse(results.json);
  const summary = {};
  for (const m of json.metrics) summary[m.name] = m.values;
  return { variants: json.variants, summary };
}

async function waitForRun(page, replications, timeout = 300000) {
  await page.waitForFunction((n) => document.body.dataset.ran === String(n) ||
                                    !document.getElementById('run-error').hidden ||
                                    !document.getElementById('load-error').hidden, replications, { timeout });
  const error = await page.evaluate(() => ['run-error', 'load-error'].map((id) => document.getElementById(id))
                                            .filter((e) => !e.hidden).map((e) => e.textContent).join('; '));
  if (error) throw new Error(`the run failed: ${error}`);
  return page.evaluate(() => window.casesimResults);
}

// The detector works (an outside navigation is caught and recorded, then
// forgotten), and the page's Content-Security-Policy refuses a fetch from
// elsewhere before it becomes a request.
async function checkCanary(browser) {
  const page = await open(browser);
  await page.waitForSelector('#team-table tbody tr');
  const canary = 'https://casesim-canary.invalid/';
  const before = outside.length;
  // A navigation, which the page's own policy does not govern, so it reaches the detector.
  const other = await page.context().newPage();
  await other.goto(canary).catch(() => {});
  await other.close();
  const csp = await page.evaluate((url) => fetch(url).then(() => 'fetched', (e) => `refused: ${e.message}`), canary);
  const caught = outside.slice(before);
  outside.splice(before);
  problems.splice(0, problems.length, ...problems.filter((p) => !p.includes('casesim-canary')));
  if (!caught.some((u) => u.startsWith(canary))) problems.push('canary: an outside request was not caught');
  if (!csp.startsWith('refused')) problems.push(`canary: a fetch from elsewhere was ${csp}`);
  await page.context().close();
}

async function checkExample(browser) {
  // Tall enough for the README's picture to hold the answer's first sentence whole.
  const page = await open(browser, '#example', { width: 1200, height: 1000 });
  const results = await waitForRun(page, 20);
  fs.writeFileSync(path.join(out, 'page-example.json'), JSON.stringify(summaryOf(results)));
  const frame = page.frame({ url: /about:srcdoc/ }) || page.frames()[1];
  await frame.waitForSelector('div.chart svg', { timeout: 60000 });
  const report = await frame.evaluate(() => ({
    text: document.body.innerText,
    charts: document.querySelectorAll('div.chart svg').length,
    children: document.querySelectorAll('#children-at-risk tbody tr').length,
    firstSection: (document.querySelector('section') || {}).id,
    answer: (document.getElementById('answer') || {}).innerText || '',
  }));
  if (report.charts < 2) problems.push(`example: ${report.charts} charts drawn in the report`);
  if (report.children === 0) problems.push('example: the report lists no children at risk');
  if (!/20 replications/.test(report.text)) problems.push('example: the report does not say 20 replications');
  // The answer comes first: the report's first section is the what-if's
  // "Because of the change", which names the dated changes it answers for.
  if (report.firstSection !== 'answer' || !/Because of the change/.test(report.answer))
    problems.push(`example: the report opens with section "${report.firstSection}", not the answer`);
  // Real names beside the children's workers on her screen; none in the report she can download and share.
  const onScreen = realNames.filter((n) => report.text.includes(n));
  if (onScreen.length === 0) problems.push('example: no worker is named on her screen');
  const shared = realNames.filter((n) => results.shareable.includes(n));
  if (shared.length) problems.push(`example: the downloadable report names ${shared.join(', ')}`);
  if (!results.csv.startsWith('variant,replication,metric,value,unit'))
    problems.push(`example: the CSV download starts "${results.csv.slice(0, 40)}"`);
  const team = await page.$$eval('#team-table tbody tr', (rows) => rows.length);
  if (team !== 11) problems.push(`example: ${team} workers shown, expected 11`);
  await page.screenshot({ path: path.join(out, 'page-example.png'), fullPage: false });
  await page.locator('#answer').screenshot({ path: path.join(out, 'page-answer.png') });  // the README's
  await page.context().close();
}

async function checkLeaver(browser) {
  const page = await open(browser);
  await page.waitForSelector('#team-table tbody tr');
  await page.click('button[data-add="worker_leaves"]');
  const item = page.locator('#changes li[data-event="worker_leaves"]').last();
  await item.locator('input[data-field="date"]').fill('2027-02-15');
  await item.locator('input[data-field="date"]').dispatchEvent('change');
  const options = await item.locator('select[data-field="worker"] option').evaluateAll(
    (os) => os.map((o) => o.value));
  await item.locator('select[data-field="worker"]').selectOption(options[0]);
  await page.fill('#replications', '20');
  await page.click('#run');
  const results = await waitForRun(page, 20);
  fs.writeFileSync(path.join(out, 'page-leaver.json'), JSON.stringify(summaryOf(results)));
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-what-if')]);
  await download.saveAs(path.join(out, 'page-leaver.yaml'));
  const yaml = fs.readFileSync(path.join(out, 'page-leaver.yaml'), 'utf8');
  if (!yaml.includes(`event: worker_leaves, worker: ${options[0]}`))
    problems.push(`leaver: the saved what-if has no worker_leaves event for ${options[0]}`);
  const named = realNames.filter((n) => yaml.includes(n));
  if (named.length) problems.push(`leaver: the saved what-if names ${named.join(', ')}`);
  // Loaded back, as she would open it another day: the form shows its changes, the leaver among them.
  const before = await page.$$eval('#changes li', (items) => items.length);
  while (await page.$('#changes li button')) await page.click('#changes li button');
  await page.setInputFiles('#what-if-file', path.join(out, 'page-leaver.yaml'));
  await page.waitForFunction((n) => document.querySelectorAll('#changes li').length === n, before, { timeout: 60000 })
    .catch(() => {});
  const reopened = await page.$$eval('#changes li select[data-field="worker"]', (selects) => selects.map((s) => s.value));
  const changes = await page.$$eval('#changes li', (items) => items.length);
  if (changes !== before || !reopened.includes(options[0]))
    problems.push(`leaver: the saved what-if opened again shows ${changes} changes (${before} saved), leavers ${reopened}`);
  await page.context().close();
}

async function checkBadCsv(browser) {
  const page = await open(browser);
  await page.waitForSelector('#team-table tbody tr');
  // Her own files first (the example's, picked from disk): her team, and an empty form.
  const own = fs.readdirSync(snapshot).filter((f) => /\.(csv|yaml)$/.test(f)).map((f) => path.join(snapshot, f));
  await page.setInputFiles('#snapshot-files', own);
  await page.waitForFunction(() => /^Your files/.test(document.getElementById('team').textContent), null,
                             { timeout: 60000 });
  const team = await page.$$eval('#team-table tbody tr', (rows) => rows.length);
  const changes = await page.$$eval('#changes li', (items) => items.length);
  if (team !== 11 || changes !== 0) problems.push(`own files: ${team} workers shown, ${changes} changes in the form`);
  const files = fs.readdirSync(snapshot).filter((f) => /\.(csv|yaml)$/.test(f)).map((f) => {
    let text = fs.readFileSync(path.join(snapshot, f), 'utf8');
    if (f === 'workers.csv') {
      const lines = text.split('\n');
      lines[2] = lines[2].replace(/,1\.0,/, ',one,');
      text = lines.join('\n');
    }
    return { name: f, mimeType: 'text/csv', buffer: Buffer.from(text) };
  });
  await page.setInputFiles('#snapshot-files', files);
  await page.waitForFunction(() => !document.getElementById('load-error').hidden, null, { timeout: 60000 });
  const message = await page.$eval('#load-error', (e) => e.textContent);
  if (!/^workers\.csv:3: FTE: /.test(message)) problems.push(`bad-csv: message is "${message}"`);
  await page.context().close();
}

// Tabs forward until `matches(element)` holds for the focused element; false after 80 presses.
async function checkBase(browser) {
  const page = await open(browser);
  await page.waitForSelector('#team-table tbody tr');  // the example's team: the what-if names its workers
  const text = fs.readFileSync(whatIf, 'utf8');
  const lines = text.split('\n');
  const baseLine = lines.findIndex((l) => l.startsWith('base:')) + 1;
  const written = lines[baseLine - 1].replace(/^base:\s*/, '').trim();
  const timeline = lines.filter((l) => /^  - \{date:/.test(l)).length;
  await page.setInputFiles('#what-if-file', whatIf);
  await page.waitForSelector('#base-needed:not([hidden])', { timeout: 60000 });
  const asked = await page.$eval('#base-needed', (p) => p.textContent.replace(/\s+/g, ' '));
  if (!asked.includes(written) || !asked.includes(`line ${baseLine} of ${path.basename(whatIf)}`))
    problems.push(`base: the page asks "${asked}", not for ${written} on line ${baseLine}`);
  // Not the scenario it names: she is told why and asked again.
  await page.setInputFiles('#base-file', path.join(snapshot, 'workers.csv'));
  await page.waitForSelector('#load-error:not([hidden])', { timeout: 60000 });
  const refused = await page.$eval('#load-error', (e) => e.textContent);
  const askedAgain = await page.$eval('#base-needed', (p) => !p.hidden);
  if (!refused.includes(written) || !askedAgain)
    problems.push(`base: a CSV given as the base gives "${refused}"${askedAgain ? '' : ', and is not asked for again'}`);
  await page.setInputFiles('#base-file', path.resolve(path.dirname(whatIf), written));
  await page.waitForFunction((n) => document.querySelectorAll('#changes li').length === n &&
                                    document.getElementById('base-needed').hidden &&
                                    !document.getElementById('run').disabled, timeline, { timeout: 60000 })
    .catch(() => {});
  const state = await page.evaluate(() => ({
    changes: document.querySelectorAll('#changes li').length,
    asking: !document.getElementById('base-needed').hidden,
    error: document.getElementById('load-error').hidden ? '' : document.getElementById('load-error').textContent,
    team: document.querySelectorAll('#team-table tbody tr').length,
    runnable: !document.getElementById('run').disabled,
    saved: window.casesimWhatIfYaml(),
  }));
  if (state.changes !== timeline || state.asking || state.error || !state.runnable || state.team !== 11)
    problems.push(`base: given the base, the page shows ${state.changes} changes (the file has ${timeline}), ` +
                  `${state.team} workers, ${state.asking ? 'still asks for a base, ' : ''}` +
                  `${state.runnable ? '' : 'Run disabled, '}error "${state.error}"`);
  if (/^base:/m.test(state.saved) || !/horizon_weeks: 26/.test(state.saved))
    problems.push('base: the what-if it would save names a base, or is not the what-if opened');
  await page.context().close();
}

async function tabTo(page, matches) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(matches)) return true;
  }
  return false;
}

async function checkNarrow(browser) {
  const page = await open(browser, '', { width: 420, height: 800 });
  await page.waitForSelector('#team-table tbody tr');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > 420) problems.push(`narrow: the page is ${width} px wide at 420`);
  await page.screenshot({ path: path.join(out, 'page-narrow.png'), fullPage: true });
  // By keyboard alone: add "A worker leaves" (its first field takes the focus), start the run, cancel it.
  const changes = await page.$$eval('#changes li', (items) => items.length);
  if (!(await tabTo(page, () => document.activeElement.dataset.add === 'worker_leaves'))) {
    problems.push('narrow: "A worker leaves" is not reached with the Tab key');
  } else {
    await page.keyboard.press('Enter');
    const added = await page.$$eval('#changes li', (items) => items.length);
    if (added !== changes + 1) problems.push(`narrow: Enter on "A worker leaves" made ${added - changes} changes`);
    const inside = await page.evaluate(() => document.activeElement.closest('#changes li[data-event="worker_leaves"]') !== null);
    if (!inside) problems.push('narrow: the new change does not take the focus');
  }
  await page.fill('#replications', '500');
  await page.focus('#replications');
  if (!(await tabTo(page, () => document.activeElement.id === 'run'))) {
    problems.push('narrow: Run is not reached with the Tab key');
  } else {
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.getElementById('cancel').disabled, null, { timeout: 60000 });
    if (!(await tabTo(page, () => document.activeElement.id === 'cancel'))) {
      problems.push('narrow: Cancel is not reached with the Tab key');
    } else {
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => /Cancelled after/.test(document.getElementById('status').textContent), null,
                                 { timeout: 60000 });
      if (await page.evaluate(() => document.body.dataset.ran)) problems.push('narrow: the cancelled run finished');
    }
  }
  await page.context().close();
}

(async () => {
  fs.mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const check of [checkCanary, checkExample, checkLeaver, checkBadCsv, checkBase, checkNarrow]) {
      try {
        await check(browser);
      } catch (e) {
        problems.push(`${check.name}: ${e.message}`);
      }
    }
  } finally {
    await browser.close();
  }
  if (outside.length) problems.push(`requests that left the page's own files: ${[...new Set(outside)].join(', ')}`);
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log('page checks passed: canary, example, leaver, bad CSV, base, narrow and keyboard; no outside request');
})();
