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
// Every report: the first screen (#in-brief) is one to four plain sentences
// with no confidence interval in their text, the charts it shows before the
// folded details are drawn without opening them, and every chart's title is
// in words (no field_name, no "by week"); then every <details> is opened and
// every chart must be drawn. With --answer=SUMMARY.csv (`casesim summary
// --csv` of the same results file), each sentence about a measure must give
// that measure's means as the file has them, rounded as the sentence rounds,
// and a "more"/"fewer" must point the way the means do. --title=TEXT: the
// page's heading must be TEXT. --narrow: the page is also loaded 420 px wide
// (a phone) and fails on any horizontal overflow, on a chart narrower than
// 90% of the content's width, or on a table not shown as cards.
//
// usage: node check_report.cjs NODE_MODULES REPORT.html SCREENSHOT.png [MIN_CHARTS] [--what-if] [--durations]
//        [--not-applicable] [--doc-shot=FILE.png] [--answer=SUMMARY.csv] [--title=TEXT] [--narrow]
'use strict';
const path = require('path');
const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith('--'));
const [nodeModules, report, screenshot, minCharts = '1'] = args.filter((a) => !a.startsWith('--'));
const whatIf = flags.includes('--what-if');
const durations = flags.includes('--durations');
const notApplicable = flags.includes('--not-applicable');
const flagValue = (name) => (flags.find((f) => f.startsWith(`--${name}=`)) || '').slice(name.length + 3);
const docShot = flagValue('doc-shot');
const answerCsv = flagValue('answer');
const expectedTitle = flagValue('title');
const narrow = flags.includes('--narrow');
const fs = require('fs');
const expectVisits = flagValue('expect-visits');
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

async function checkWhatIfAnswer(page, expected) {
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

// As the report rounds a number for a sentence (answer_sentences.cpp, plain_number).
function plainNumber(x) {
  const size = Math.abs(x);
  if (size >= 10 || size === 0) return x.toFixed(0);
  if (size >= 1) return x.toFixed(1).replace(/\.0$/, '');
  return String(Number(x.toPrecision(2)));
}
const percent = (share) => (Math.abs(share) >= 0.1 ? (100 * share).toFixed(0) : (100 * share).toFixed(1)) + '%';

// `casesim summary --csv`: variant -> metric -> {unit, mean, n}.
function readSummaryCsv(file) {
  const [header, ...rows] = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split(','));
  const at = (name) => header.indexOf(name);
  const means = new Map();
  const order = [];
  for (const r of rows) {
    const variant = r[at('variant')];
    if (!means.has(variant)) { means.set(variant, new Map()); order.push(variant); }
    means.get(variant).set(r[at('metric')], { unit: r[at('unit')], mean: Number(r[at('mean')]), n: Number(r[at('n')]) });
  }
  return { means, base: order[0] };
}

async function checkAnswer(page, csvFile) {
  const problems = [];
  const { means, base } = readSummaryCsv(csvFile);
  const sentences = await page.$$eval('#in-brief p.answer', (ps) => ps.map((p) => ({
    text: p.childNodes[0].textContent, metric: p.dataset.metric, variant: p.dataset.variant,
    chance: p.dataset.chance === 'true', title: p.title,
  })));
  let checked = 0;
  for (const s of sentences) {
    if (!s.metric || s.chance) continue;
    const at = (variant) => means.get(variant) && means.get(variant).get(s.metric);
    const baseRow = at(base);
    if (!baseRow) { problems.push(`sentence about ${s.metric}, which the summary does not have: "${s.text}"`); continue; }
    const shown = (row) => (row.unit === 'share' ? percent(row.mean) : plainNumber(row.mean));
    if (s.title === '' ) problems.push(`no interval behind "${s.text}"`);
    if (!s.variant || s.variant === base) {
      if (baseRow.n > 0 && !s.text.includes(shown(baseRow)))
        problems.push(`"${s.text}" should give ${s.metric}'s mean ${shown(baseRow)} (${baseRow.mean})`);
    } else {
      const row = at(s.variant);
      if (!row) { problems.push(`no summary row for variant ${s.variant}`); continue; }
      if (row.n > 0 && baseRow.n > 0 && !s.text.includes(`${shown(row)} against ${shown(baseRow)}`))
        problems.push(`"${s.text}" should say ${shown(row)} against ${shown(baseRow)}`);
      const up = row.mean > baseRow.mean;
      if (/ (more|higher) /.test(s.text) && !up) problems.push(`"${s.text}" says more, but the mean falls`);
      if (/ (fewer|lower) /.test(s.text) && up) problems.push(`"${s.text}" says fewer, but the mean rises`);
    }
    ++checked;
  }
  if (checked === 0) problems.push('no sentence of the first screen gives a measure to check');
  console.log(`answer: ${checked} of ${sentences.length} sentences checked against ${csvFile}`);
  return problems;
}

// The first screen and every chart's title, before anything is opened.
async function checkFirstScreen(page) {
  const problems = [];
  // A what-if's first screen is its own answer (#answer); any other report's is #in-brief.
  const sentences = await page.$$eval('#in-brief p, #answer p.answer-sentence', (ps) => ps.map((p) => p.innerText));
  if (sentences.length < 1 || sentences.length > 4) problems.push(`the first screen has ${sentences.length} sentences`);
  for (const s of sentences) if (/95% CI|confidence/.test(s)) problems.push(`an interval in the answer's text: "${s}"`);
  const titles = await page.$$eval('div.chart', (cs) => cs.map((c) => {
    let h = c.previousElementSibling;
    while (h && h.tagName !== 'H3') h = h.previousElementSibling;
    return { id: c.id, title: h ? h.textContent : '' };
  }));
  for (const t of titles) {
    // A field name (cp_children) is not a title; a variant's name (cap_18) may be in one.
    if (!t.title || /\b[a-z]+_[a-z][a-z_]*\b/.test(t.title) || /by week$/.test(t.title))
      problems.push(`chart ${t.id} is titled "${t.title}"`);
    if (t.id.startsWith('series-') && !/\([^)]+\)$/.test(t.title)) problems.push(`chart ${t.id} has no unit: "${t.title}"`);
  }
  return problems;
}

async function waitForCharts(page, selector) {
  await page.waitForFunction(
    (sel) => [...document.querySelectorAll(sel)].every((c) => c.dataset.rendered === 'true' || c.dataset.rendered === 'failed'),
    selector, { timeout: 60000 });
}

// A phone: 420 px wide.
async function checkNarrow(browser, report) {
  const problems = [];
  const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
  page.on('pageerror', (e) => problems.push('page error at 420 px: ' + e.message));
  await page.goto('file://' + path.resolve(report));
  await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
  await waitForCharts(page, 'div.chart');
  const layout = await page.evaluate(() => {
    const main = document.querySelector('main');
    const style = getComputedStyle(main);
    const content = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      viewport: document.documentElement.clientWidth,
      content,
      charts: [...document.querySelectorAll('div.chart')].map((c) => ({
        id: c.id, width: c.querySelector('svg') ? c.querySelector('svg').getBoundingClientRect().width : 0,
        right: c.querySelector('svg') ? c.querySelector('svg').getBoundingClientRect().right : 0,
      })),
      tables: [...document.querySelectorAll('table')].map((t) => ({
        cards: getComputedStyle(t.querySelector('thead') || t).display === 'none' || !t.querySelector('thead'),
        // A card names each value by its column's heading.
        labelled: [...t.querySelectorAll('tbody td')].every((td) => td.dataset.label || td.colSpan > 1),
        right: t.getBoundingClientRect().right,
      })),
    };
  });
  if (layout.scrollWidth > layout.viewport)
    problems.push(`at 420 px the page is ${layout.scrollWidth} px wide: it overflows sideways`);
  for (const c of layout.charts) {
    if (c.width < 0.9 * layout.content)
      problems.push(`at 420 px chart ${c.id} is ${Math.round(c.width)} px wide, under 90% of ${Math.round(layout.content)} px`);
    if (c.right > layout.viewport + 0.5) problems.push(`at 420 px chart ${c.id} runs off the screen (${Math.round(c.right)} px)`);
  }
  layout.tables.forEach((t, i) => {
    if (!t.cards) problems.push(`at 420 px table ${i} is not shown as cards`);
    if (!t.labelled) problems.push(`at 420 px table ${i} has cells without their column's heading`);
    if (t.right > layout.viewport + 0.5) problems.push(`at 420 px table ${i} runs off the screen`);
  });
  await page.screenshot({ path: screenshot.replace(/\.png$/, '-420px.png'), fullPage: true, timeout: 120000 });
  console.log(`420 px: page ${layout.scrollWidth} px wide, content ${Math.round(layout.content)} px, ` +
              `${layout.charts.length} charts from ${Math.round(Math.min(...layout.charts.map((c) => c.width)))} px, ` +
              `${layout.tables.length} tables as cards`);
  await page.close();
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
    for (const section of document.querySelectorAll('main section')) {
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
    // The charts before the folded details are drawn at once; those inside are drawn when opened.
    await waitForCharts(page, 'div.chart:not(details div.chart)');
    problems.push(...await checkFirstScreen(page));
    if (answerCsv) problems.push(...await checkAnswer(page, answerCsv));
    if (expectedTitle) {
      const title = await page.$eval('h1', (h) => h.innerText);
      if (title !== expectedTitle) problems.push(`the page is titled "${title}", expected "${expectedTitle}"`);
    }
    await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
    await waitForCharts(page, 'div.chart');
    const charts = await page.$$eval('div.chart', (cs) => cs.map((c) => ({
      id: c.id, rendered: c.dataset.rendered, svg: c.querySelectorAll('svg').length,
      marks: c.querySelectorAll('svg .mark-line path, svg .mark-area path, svg .mark-symbol path, svg .mark-rect path, svg .mark-rule line').length,
    })));
    if (charts.length < Number(minCharts)) problems.push(`expected at least ${minCharts} charts, found ${charts.length}`);
    for (const c of charts) {
      if (c.rendered !== 'true' || c.svg === 0) problems.push(`chart ${c.id} was not drawn (${c.rendered})`);
      else if (c.marks === 0) problems.push(`chart ${c.id} has no marks`);
    }
    const numbers = await page.$eval('#in-numbers', (e) => e.innerText).catch(() => '');
    if (!/Across \d+ replications?/.test(numbers)) problems.push('the headline figures with their intervals are missing');
    const chartText = await page.$$eval('div.chart svg text', (ts) => ts.map((t) => t.textContent));
    if (chartText.some((t) => /NaN/.test(t))) problems.push('a chart prints NaN');
    if (whatIf) problems.push(...await checkWhatIf(page));
    if (expectVisits) problems.push(...await checkWhatIfAnswer(page, expectVisits));
    if (durations) problems.push(...await checkDurations(page));
    if (notApplicable) problems.push(...await checkNotApplicable(page));
    await page.screenshot({ path: screenshot, fullPage: true, timeout: 120000 });
    if (docShot) await takeDocShot(page, docShot);
    if (narrow) problems.push(...await checkNarrow(browser, report));
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
