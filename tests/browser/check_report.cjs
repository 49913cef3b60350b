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
// children. --expect-visits=WITH,WITHOUT (a paired what-if: the file's mean late
// visits with and without the changes) also fails unless the first section is
// the answer, its first sentence gives those numbers (rounded as the sentences
// round them) and the direction, no sentence holds an interval, and the
// per-worker charts draw a panel per worker pseudonym.
//
// With --durations, also fails unless each duration histogram is drawn as bars
// beside England's published shares (its legend names them) with a table of
// bands and quartiles. With --not-applicable (the synthetic sweep), also fails
// unless a measure with nothing to count reads n/a in the late-work chart
// (with no point drawn for it) and in the table of every measure, a variant
// that completed no conferences has no bars, and the unsettled queue is warned
// about. In every report, no chart may print NaN.
//
// usage: node check_report.cjs NODE_MODULES REPORT.html SCREENSHOT.png [MIN_CHARTS] [--what-if] [--durations]
//        [--not-applicable] [--doc-shot=FILE.png]
'use strict';
const path = require('path');
const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith('--'));
const [nodeModules, report, screenshot, minCharts = '1'] = args.filter((a) => !a.startsWith('--'));
const whatIf = flags.includes('--what-if');
const durations = flags.includes('--durations');
const notApplicable = flags.includes('--not-applicable');
const docShot = (flags.find((f) => f.startsWith('--doc-shot=')) || '').slice('--doc-shot='.length);
const expectVisits = (flags.find((f) => f.startsWith('--expect-visits=')) || '').slice('--expect-visits='.length);
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
  // The answer's list, open (the other variants' lists are folded, their text hidden).
  const rows = await page.$$eval('#children-at-risk > table.children-at-risk tbody tr',
                                 (rs) => rs.map((r) => [...r.cells].map((c) => c.innerText)));
  if (rows.length === 0) problems.push('the children-at-risk table has no rows');
  for (const r of rows) {
    if (!/^C-[0-9a-f]{16}$/.test(r[1])) problems.push(`a child is not named by pseudonym: "${r[1]}"`);
    if (!/^(W-[0-9a-f]{16}|waiting for allocation)$/.test(r[3])) problems.push(`no allocated worker: "${r[3]}"`);
    if (!/^\d+(\.\d+)?%/.test(r[4])) problems.push(`no chance of a late visit: "${r[4]}"`);
  }
  console.log(`what-if: ${changes.length} dated changes on ${weekly.length} weekly charts, ${rows.length} children listed`);
  return problems;
}

// A count as the answer's sentences write it: whole from 10, one decimal below.
function about(x) {
  return Math.abs(x) >= 10 ? Math.round(Math.abs(x)).toString() : Math.abs(x).toFixed(1);
}

async function checkAnswer(page, expected) {
  const problems = [];
  const [withChanges, withoutChanges] = expected.split(',').map(Number);
  if (!Number.isFinite(withChanges) || !Number.isFinite(withoutChanges))
    return [`--expect-visits needs two numbers, got "${expected}"`];
  const first = await page.$eval('main > section', (s) => s.id).catch(() => '');
  if (first !== 'answer') problems.push(`the first section is "${first}", not the answer`);
  const sentences = await page.$$eval('#answer p.answer-sentence', (ps) => ps.map((p) => p.innerText));
  if (sentences.length < 3 || sentences.length > 5) problems.push(`${sentences.length} sentences in the answer`);
  const opening = sentences[0] || '';
  const numbers = `(${about(withChanges)} against ${about(withoutChanges)}`;
  if (!opening.includes(numbers)) problems.push(`the answer does not say "${numbers}": "${opening}"`);
  const direction = withChanges > withoutChanges ? 'more' : 'fewer';
  if (!opening.includes(`about ${about(withChanges - withoutChanges)} ${direction} statutory visits`) &&
      !opening.includes('makes no clear difference'))
    problems.push(`the answer does not give the difference and its direction: "${opening}"`);
  if (sentences.some((s) => /CI|interval/.test(s))) problems.push('an interval in the answer\'s sentences');
  const footnotes = await page.$$eval('#answer-footnotes li', (ls) => ls.map((l) => l.innerText));
  if (!footnotes.some((f) => f.includes('95% CI'))) problems.push('no interval in the footnotes');
  const workers = await page.$$eval('#workers div.chart', (cs) => cs.map((c) => ({
    id: c.id,
    panels: [...c.querySelectorAll('svg text')].filter((t) => /^W-[0-9a-f]{16}$/.test(t.textContent)).length,
    lines: c.querySelectorAll('svg .mark-line path').length,
  })));
  if (workers.length !== 2) problems.push(`${workers.length} per-worker charts, not 2 (caseload, overdue visits)`);
  for (const w of workers)
    if (w.panels === 0 || w.lines < 2 * w.panels) problems.push(`chart ${w.id}: ${w.panels} worker panels, ${w.lines} lines`);
  console.log(`answer: ${sentences.length} sentences; ${workers.map((w) => `${w.id} ${w.panels} panels`).join(', ')}`);
  return problems;
}

async function checkDurations(page) {
  const problems = [];
  const charts = await page.$$eval('#durations div.chart', (cs) => cs.map((c) => ({
    id: c.id,
    bars: c.querySelectorAll('svg .mark-rect path').length,
    text: [...c.querySelectorAll('svg text')].map((t) => t.textContent).join('\n'),
  })));
  const ids = charts.map((c) => c.id);
  for (const id of ['duration-assessment_working_days', 'duration-icpc_working_days'])
    if (!ids.includes(id)) problems.push(`no chart ${id} in the durations section`);
  for (const c of charts) {
    if (c.bars === 0) problems.push(`chart ${c.id} has no bars`);
    if (!c.text.includes('England (DfE)')) problems.push(`chart ${c.id} does not name England's figures`);
  }
  const tables = await page.$$eval('#durations table.durations', (ts) => ts.map((t) => ({
    id: t.id, rows: [...t.querySelectorAll('tbody tr')].map((r) => [...r.cells].map((c) => c.innerText)),
  })));
  const assessment = tables.find((t) => t.id === 'durations-assessment_working_days');
  if (!assessment) problems.push('no table of assessment durations');
  else {
    // DfE's nine bands and three quartiles; England's 41-45 share and median as published.
    if (assessment.rows.length !== 12) problems.push(`assessment table: ${assessment.rows.length} rows, expected 12`);
    const band = assessment.rows.find((r) => r[0] === '41-45');
    if (!band || band[2] !== '18.9%') problems.push(`assessment table: 41-45 should show England's 18.9%: ${band}`);
    const median = assessment.rows.find((r) => r[0].startsWith('median'));
    if (!median || median[2] !== '33') problems.push(`assessment table: England's median should be 33: ${median}`);
  }
  console.log(`durations: ${charts.length} charts (${charts.map((c) => `${c.id} ${c.bars} bars`).join(', ')})`);
  return problems;
}

async function checkNotApplicable(page) {
  const problems = [];
  const overdue = await page.$eval('#overdue-by-variant', (c) => ({
    text: [...c.querySelectorAll('svg text')].map((t) => t.textContent),
  }));
  const naLabels = overdue.text.filter((t) => t === 'n/a (nothing to count)').length;
  // visit_days_overdue_mean: nothing to count in any replication of cap_12.
  if (naLabels !== 1) problems.push(`the late-work chart shows ${naLabels} n/a labels, expected 1`);
  const cells = await page.$$eval('table tbody tr', (rs) => rs
    .map((r) => [...r.cells].map((c) => c.innerText))
    .filter((r) => r[0] === 'visit_days_overdue_mean'));
  const capped = cells.find((r) => r[1] === 'cap_12');
  if (!capped || capped[2] !== 'n/a' || capped[3] !== 'n/a' || capped[7] !== '0')
    problems.push(`every-measure table: cap_12's visit_days_overdue_mean should be n/a with n 0: ${capped}`);
  const some = cells.find((r) => r[1] === 'cap_15');
  if (!some || some[7] !== '8') problems.push(`every-measure table: cap_15 applies in 8 of 12: ${some}`);
  // cap_12 held no conferences: no bars of its colour, and the note says n/a.
  const icpc = await page.$eval('#duration-icpc_working_days', (c) => ({
    fills: [...c.querySelectorAll('svg .mark-rect path')].map((p) => p.getAttribute('fill')),
  }));
  if (icpc.fills.includes('#e15759')) problems.push('cap_12 has bars in the conference chart although it held none');
  const note = await page.$eval('#duration-icpc_working_days', (c) => c.previousElementSibling.innerText);
  if (!note.includes('n/a for cap_12')) problems.push(`the conference chart's note does not say n/a for cap_12: ${note}`);
  const warnings = await page.$eval('#settling-warnings', (e) => e.innerText).catch(() => '');
  if (!warnings.includes('Warning (cap_12): the unallocated queue grows through the counted 15 weeks'))
    problems.push(`no warning that cap_12's queue grows: "${warnings}"`);
  if (warnings.includes('cap_18')) problems.push(`a warning for a settled variant: "${warnings}"`);
  console.log(`not applicable: ${naLabels} n/a label in the late-work chart; warnings: ${warnings.split('\n')[0]}`);
  return problems;
}

// The README's picture: the top of the page, the overdue visits and staff
// charts (where the changes show), and the first ten children.
async function takeDocShot(page, file) {
  await page.evaluate(() => {
    const keep = new Set(['series-overdue_visits', 'series-staff_fte']);
    for (const section of document.querySelectorAll('main > section')) {
      if (section.id === 'answer' || section.id === 'in-brief' || section.id === 'children-at-risk') continue;
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
    const chartText = await page.$$eval('div.chart svg text', (ts) => ts.map((t) => t.textContent));
    if (chartText.some((t) => /NaN/.test(t))) problems.push('a chart prints NaN');
    if (whatIf) problems.push(...await checkWhatIf(page));
    if (expectVisits) problems.push(...await checkAnswer(page, expectVisits));
    if (durations) problems.push(...await checkDurations(page));
    if (notApplicable) problems.push(...await checkNotApplicable(page));
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
