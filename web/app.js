// The page's behaviour (docs/web.md). The engine runs only in Web Workers
// (web/worker.js): worker 0 loads the inputs to show the team, and keeps and
// reports the results; on Run, navigator.hardwareConcurrency workers each load
// the same inputs and take replications one at a time until none are left,
// so a worker that finishes early takes more. Every replication's numbers
// depend only on the seed and its number, never on which worker ran it.
/* global CASESIM_ENGINE_SOURCE, CASESIM_EXAMPLE */
'use strict';

const $ = (id) => document.getElementById(id);
const engineUrl = URL.createObjectURL(new Blob([CASESIM_ENGINE_SOURCE], { type: 'text/javascript' }));

// ---- workers ---------------------------------------------------------------

class EngineWorker {
  constructor() {
    this.worker = new Worker(engineUrl);
    this.waiting = new Map();
    this.next = 0;
    this.worker.onmessage = (e) => {
      const done = this.waiting.get(e.data.id);
      this.waiting.delete(e.data.id);
      if (e.data.type === 'error') done.reject(new Error(e.data.message));
      else done.resolve(e.data);
    };
    this.worker.onerror = (e) => {
      for (const done of this.waiting.values()) done.reject(new Error(e.message || 'the engine stopped'));
      this.waiting.clear();
    };
  }
  ask(message, transfer = []) {
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id }, transfer);
    });
  }
  stop() {
    this.worker.terminate();
    for (const done of this.waiting.values()) done.reject(new Error('cancelled'));
    this.waiting.clear();
  }
}

let keeper = new EngineWorker();  // loads inputs, keeps and reports results
let runners = [];                 // the other workers of the current run

// ---- state -----------------------------------------------------------------

const state = {
  scenarioFile: 'what-if.yaml',
  // The what-if the form's changes go into. Once loaded, as the results record
  // it: one file (its bases resolved into it), workers named by pseudonym; so
  // what she saves runs in `casesim run` anywhere and names no one.
  scenarioText: CASESIM_EXAMPLE.scenarioText,
  scenarioBases: CASESIM_EXAMPLE.scenarioBases,  // [{path, text}] of its `base:` files until loaded
  snapshotFiles: {},                            // name -> text or bytes
  snapshotLabel: '',
  info: null,                                   // what the engine said of the loaded inputs
  changes: [],                                  // the form's dated changes
  results: null,
};

// ---- the what-if as YAML (the same file the command line reads) --------------

// YAML text for a value in a flow mapping: numbers, booleans and dates plain,
// other text double-quoted (a name may hold a comma or a colon).
function yamlValue(v) {
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (/^\d{4}-\d{2}-\d{2}$/.test(v) || /^[A-Za-z0-9_-]+$/.test(v)) return v;
  return JSON.stringify(v);
}

const kChangeFields = {
  worker_leaves: ['worker', 'replaced'],
  agency_workers_leave: ['count', 'replaced'],
  worker_starts: ['name', 'fte', 'newly_qualified', 'agency'],
  worker_absent: ['worker', 'until'],
  caseload_cap: ['cases'],
  referral_rate: ['factor', 'until'],
};

function timelineYaml(changes) {
  if (changes.length === 0) return '';
  const lines = changes.map((c) => {
    const parts = [`date: ${c.date}`, `event: ${c.event}`];
    for (const f of kChangeFields[c.event] || Object.keys(c).filter((k) => k !== 'date' && k !== 'event')) {
      if (c[f] === undefined || c[f] === '' || c[f] === false) continue;
      parts.push(`${f}: ${yamlValue(c[f])}`);
    }
    return `  - {${parts.join(', ')}}`;
  });
  return `timeline:\n${lines.join('\n')}\n`;
}

// The top-level block of `key` in `text`: [start, end) line indices, or null.
function topLevelBlock(lines, key) {
  const start = lines.findIndex((l) => l.startsWith(`${key}:`));
  if (start < 0) return null;
  let end = start + 1;
  while (end < lines.length && !/^[A-Za-z_]/.test(lines[end])) end++;
  // Comments and blank lines just before the next key belong to it.
  while (end > start + 1 && /^(#.*)?\s*$/.test(lines[end - 1]) && end < lines.length) end--;
  return [start, end];
}

function withRunField(text, field, value) {
  const lines = text.split('\n');
  const block = topLevelBlock(lines, 'run');
  if (!block) return text;
  for (let i = block[0] + 1; i < block[1]; i++) {
    const m = lines[i].match(/^(\s+)([A-Za-z_]+)(\s*:\s*)([^#]*?)(\s*#.*)?$/);
    if (m && m[2] === field) {
      lines[i] = `${m[1]}${m[2]}${m[3]}${value}${m[5] || ''}`;
      return lines.join('\n');
    }
  }
  lines.splice(block[0] + 1, 0, `  ${field}: ${value}`);
  return lines.join('\n');
}

function whatIfYaml() {
  let text = state.scenarioText;
  const lines = text.split('\n');
  const block = topLevelBlock(lines, 'timeline');
  if (block) lines.splice(block[0], block[1] - block[0]);
  text = lines.join('\n').replace(/\n*$/, '\n');
  const timeline = timelineYaml(state.changes);
  if (timeline) text += `\n${timeline}`;
  text = withRunField(text, 'replications', String(Number($('replications').value) || 1));
  if (/^\d+$/.test($('seed').value.trim())) text = withRunField(text, 'seed', $('seed').value.trim());
  return text;
}

// The timeline of a what-if file, for the form: each item a flow mapping
// ("- {date: ..., event: ...}") or a block of "key: value" lines.
function parseTimeline(text) {
  const lines = text.split('\n');
  const block = topLevelBlock(lines, 'timeline');
  if (!block) return [];
  const scalar = (s) => {
    s = s.trim();
    if (/^".*"$/.test(s)) return JSON.parse(s);
    if (/^'.*'$/.test(s)) return s.slice(1, -1).replace(/''/g, "'");
    if (s === 'true' || s === 'false') return s === 'true';
    if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
    return s;
  };
  const items = [];
  for (const raw of lines.slice(block[0] + 1, block[1])) {
    const line = raw.replace(/\s+#.*$/, '');
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const flow = line.match(/^\s*-\s*\{(.*)\}\s*$/);
    if (flow) {
      const item = {};
      for (const part of flow[1].match(/(?:[^,"']|"[^"]*"|'[^']*')+/g) || []) {
        const at = part.indexOf(':');
        if (at > 0) item[part.slice(0, at).trim()] = scalar(part.slice(at + 1));
      }
      items.push(item);
      continue;
    }
    const entry = line.match(/^\s*(-\s+)?([A-Za-z_]+)\s*:\s*(.*)$/);
    if (!entry) continue;
    if (entry[1] || items.length === 0) items.push({});
    items[items.length - 1][entry[2]] = scalar(entry[3]);
  }
  return items;
}

// ---- showing things --------------------------------------------------------

function show(id, message) {
  const box = $(id);
  box.textContent = message || '';
  box.hidden = !message;
}

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text;
  row.appendChild(td);
}

function showTeam(info) {
  const team = $('team');
  team.textContent = '';
  if (!info.workers) {
    team.textContent = `Scenario "${info.name}" with the team it describes (no snapshot loaded).`;
    return;
  }
  const p = document.createElement('p');
  const stages = Object.entries(info.stages).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`).join(', ');
  p.textContent = `${state.snapshotLabel}: the team on ${info.extract_date}, ${info.workers.length} workers and ` +
    `${info.children} open children (${stages}; ${info.unallocated} waiting for a worker). Names are shown only ` +
    'here; the simulation and its results know each worker by the pseudonym beside it.';
  team.appendChild(p);
  const wrap = document.createElement('div');
  wrap.className = 'table-wrap';
  const table = document.createElement('table');
  table.id = 'team-table';
  table.innerHTML = '<caption class="muted">Workers</caption><thead><tr><th scope="col">Name</th>' +
    '<th scope="col">Pseudonym</th><th scope="col">FTE</th><th scope="col">Kind</th>' +
    '<th scope="col">Children</th><th scope="col">Absent until</th></tr></thead>';
  const body = document.createElement('tbody');
  for (const w of info.workers) {
    const row = document.createElement('tr');
    cell(row, w.name);
    cell(row, w.pseudonym);
    cell(row, String(w.fte));
    cell(row, [w.agency ? 'agency' : 'permanent', w.newly_qualified ? 'newly qualified' : ''].filter(Boolean).join(', '));
    cell(row, String(w.children));
    cell(row, w.absent_until || '');
    body.appendChild(row);
  }
  table.appendChild(body);
  wrap.appendChild(table);
  team.appendChild(wrap);
}

function workerOptions(select, chosen) {
  const names = [];
  for (const w of (state.info && state.info.workers) || [])
    names.push([w.pseudonym, `${w.name} (${w.pseudonym})`]);
  for (const c of state.changes)
    if (c.event === 'worker_starts' && c.name) names.push([c.name, `${c.name} (new)`]);
  for (const [value, label] of names) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    o.selected = value === chosen;
    select.appendChild(o);
  }
}

const kChangeLabels = {
  worker_leaves: 'A worker leaves',
  agency_workers_leave: 'Agency workers leave',
  worker_starts: 'A new worker starts',
  worker_absent: 'A worker is absent',
  caseload_cap: 'The caseload cap changes',
  referral_rate: 'Referrals change',
};

// One input of a change's row, kept in step with state.changes.
function field(li, change, key, label, type, extra = {}) {
  const l = document.createElement('label');
  l.textContent = `${label} `;
  let input;
  if (type === 'worker') {
    input = document.createElement('select');
    workerOptions(input, change[key]);
    if (!change[key] && input.options.length) change[key] = input.options[0].value;
  } else {
    input = document.createElement('input');
    input.type = type;
    Object.assign(input, extra);
    if (type === 'checkbox') input.checked = Boolean(change[key]);
    else input.value = change[key] === undefined ? '' : change[key];
  }
  input.dataset.field = key;
  input.addEventListener('change', () => {
    change[key] = type === 'checkbox' ? input.checked : type === 'number' ? Number(input.value) : input.value;
    if (change.event === 'worker_starts' && key === 'name') renderChanges();
  });
  l.appendChild(input);
  li.appendChild(l);
}

function renderChanges() {
  const list = $('changes');
  list.textContent = '';
  state.changes.forEach((change, i) => {
    const li = document.createElement('li');
    li.dataset.event = change.event;
    const title = document.createElement('strong');
    title.textContent = `${kChangeLabels[change.event] || change.event}: `;
    li.appendChild(title);
    field(li, change, 'date', 'from', 'date');
    switch (change.event) {
      case 'worker_leaves':
        field(li, change, 'worker', 'who', 'worker');
        field(li, change, 'replaced', 'post refilled', 'checkbox');
        break;
      case 'agency_workers_leave':
        field(li, change, 'count', 'how many', 'number', { min: 1, max: 100 });
        field(li, change, 'replaced', 'posts refilled', 'checkbox');
        break;
      case 'worker_starts':
        field(li, change, 'name', 'name', 'text', { size: 12 });
        field(li, change, 'fte', 'FTE', 'number', { min: 0.1, max: 1, step: 0.1 });
        field(li, change, 'newly_qualified', 'newly qualified', 'checkbox');
        field(li, change, 'agency', 'agency', 'checkbox');
        break;
      case 'worker_absent':
        field(li, change, 'worker', 'who', 'worker');
        field(li, change, 'until', 'until', 'date');
        break;
      case 'caseload_cap':
        field(li, change, 'cases', 'cases', 'number', { min: 1, max: 1000 });
        break;
      case 'referral_rate':
        field(li, change, 'factor', 'times the usual rate', 'number', { min: 0, max: 100, step: 0.05 });
        field(li, change, 'until', 'until', 'date');
        break;
      default:
        break;
    }
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'secondary';
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', `Remove: ${kChangeLabels[change.event] || change.event} from ${change.date}`);
    remove.addEventListener('click', () => {
      state.changes.splice(i, 1);
      renderChanges();
    });
    li.appendChild(remove);
    list.appendChild(li);
  });
}

function addChange(event) {
  const start = (state.info && (state.info.extract_date || state.info.start_date)) || '';
  const change = { event, date: start };
  if (event === 'agency_workers_leave') change.count = 1;
  if (event === 'worker_starts') change.name = `New worker ${state.changes.length + 1}`;
  if (event === 'caseload_cap') change.cases = 18;
  if (event === 'referral_rate') change.factor = 1.2;
  if (event === 'worker_absent') change.until = start;
  state.changes.push(change);
  renderChanges();
  const items = $('changes').querySelectorAll('li');
  const first = items[items.length - 1].querySelector('input, select');
  if (first) first.focus();
}

// ---- loading ---------------------------------------------------------------

// The inputs the engine loads: the what-if with the form's changes and the
// page's replications and seed, or, for a what-if just opened, as it is.
function engineInputs(fresh) {
  return { type: 'load', scenarioFile: state.scenarioFile, scenarioText: fresh ? state.scenarioText : whatIfYaml(),
           scenarioBases: state.scenarioBases, snapshotFiles: state.snapshotFiles };
}

async function loadInputs(fresh = false) {
  show('load-error', '');
  $('run').disabled = true;
  try {
    const reply = await keeper.ask(engineInputs(fresh));
    state.info = reply.info;
    state.scenarioText = state.info.scenario_text;
    state.scenarioBases = [];
    if (fresh) {
      state.changes = parseTimeline(state.scenarioText);
      $('seed').value = state.info.seed;
      $('replications').value = state.info.replications;
    }
    showTeam(state.info);
    renderChanges();
    $('run').disabled = false;
    return true;
  } catch (e) {
    show('load-error', e.message);
    $('team').textContent = '';
    return false;
  }
}

function useExample() {
  stopAskingForBase();
  state.scenarioFile = CASESIM_EXAMPLE.scenarioFile;
  state.scenarioText = CASESIM_EXAMPLE.scenarioText;
  state.scenarioBases = CASESIM_EXAMPLE.scenarioBases;
  state.snapshotFiles = { ...CASESIM_EXAMPLE.snapshotFiles };
  state.snapshotLabel = `The synthetic example team (${CASESIM_EXAMPLE.snapshotName})`;
  return loadInputs(true);
}

async function pickSnapshot(files) {
  const picked = {};
  for (const f of files) picked[f.name] = new Uint8Array(await f.arrayBuffer());  // bytes as on disk
  if (!picked['snapshot.yaml']) {
    const date = $('extract-date').value;
    if (!date) {
      show('load-error', 'Give the extract date (the day the lists were exported), or pick a snapshot.yaml with them.');
      state.snapshotFiles = picked;
      return false;
    }
    picked['snapshot.yaml'] = `# Written by casesim.html for the files picked.\nextract_date: ${date}\n`;
  }
  state.snapshotFiles = picked;
  state.snapshotLabel = `Your files (${Object.keys(picked).length})`;
  return loadInputs();
}

// A what-if opened from disk may build on another file (`base:
// ../baseline.yaml`), which a page cannot read from beside it: the engine says
// which file the chain still needs, and she is asked for each in turn. A
// what-if the page saved has none (its bases are merged into it).
let baseWanted = null;  // resolves the question she is being asked, with the file or null

function askForBase(next) {
  $('base-name').textContent = next.base;
  $('base-where').textContent = `line ${next.line} of ${next.file}`;
  $('base-file').value = '';
  $('base-needed').hidden = false;
  $('base-file').focus();
  return new Promise((resolve) => { baseWanted = resolve; });
}

function stopAskingForBase() {
  if (baseWanted) baseWanted(null);
  baseWanted = null;
  $('base-needed').hidden = true;
}

async function openWhatIf(file) {
  stopAskingForBase();
  $('run').disabled = true;
  show('load-error', '');
  state.scenarioFile = file.name;
  state.scenarioText = await file.text();
  state.scenarioBases = [];
  const opened = state.scenarioText;
  for (;;) {
    let reply;
    try {
      reply = await keeper.ask({ type: 'nextBase', scenarioFile: state.scenarioFile, scenarioText: opened,
                                 scenarioBases: state.scenarioBases });
    } catch (e) {
      show('load-error', e.message);
      if (state.scenarioBases.length === 0) return false;  // the what-if itself cannot be read
      state.scenarioBases.pop();  // the file she gave cannot be the one named: she is asked again
      continue;
    }
    if (!reply.next.base) break;
    const picked = await askForBase(reply.next);
    if (!picked) return false;  // she opened another what-if, or the example, meanwhile
    show('load-error', '');
    state.scenarioBases.push({ path: reply.next.path, text: await picked.text() });
  }
  stopAskingForBase();
  return loadInputs(true);
}

// ---- running ---------------------------------------------------------------

function download(name, type, text) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function stopRunners() {
  for (const r of runners) r.stop();
  runners = [];
}

async function run() {
  show('run-error', '');
  $('answer').hidden = true;
  if (!(await loadInputs())) return;
  const total = state.info.replications;
  const inputs = engineInputs(false);
  const count = Math.max(1, Math.min(total, navigator.hardwareConcurrency || 2));
  $('run').disabled = true;
  $('cancel').disabled = false;
  $('progress').max = total;
  $('progress').value = 0;
  const started = performance.now();
  let next = 0;
  let done = 0;
  let workMs = 0;
  const chunks = [];
  runners = Array.from({ length: count }, () => new EngineWorker());
  $('status').textContent = `Starting ${count} workers…`;
  try {
    await Promise.all(runners.map(async (worker) => {
      await worker.ask(inputs);
      while (next < total) {
        const first = next++;
        const reply = await worker.ask({ type: 'run', first, count: 1 });
        chunks.push(reply.chunk);
        workMs += reply.chunk.milliseconds;
        done++;
        $('progress').value = done;
        const seconds = (performance.now() - started) / 1000;
        $('status').textContent = `${done} of ${total} replications, ${seconds.toFixed(1)} s`;
      }
    }));
    stopRunners();
    chunks.sort((a, b) => a.first - b.first);
    await keeper.ask({ type: 'record', chunks });
    const report = await keeper.ask({ type: 'report' });
    const seconds = (performance.now() - started) / 1000;
    state.results = report;
    window.casesimResults = report;  // for the page's tests
    state.timing = { replications: total, workers: count, seconds, msPerReplication: workMs / total };
    $('status').textContent = `${total} replications in ${seconds.toFixed(1)} s on ${count} workers ` +
      `(${(workMs / total).toFixed(0)} ms a replication). The report is below.`;
    $('report').srcdoc = report.html;
    $('answer').hidden = false;
    document.body.dataset.ran = String(total);
  } catch (e) {
    stopRunners();
    if (e.message === 'cancelled') {
      $('status').textContent = `Cancelled after ${done} of ${total} replications.`;
    } else {
      show('run-error', e.message);
      $('status').textContent = '';
    }
  } finally {
    $('run').disabled = false;
    $('cancel').disabled = true;
  }
}

// ---- wiring ----------------------------------------------------------------

$('load-example').addEventListener('click', useExample);
$('snapshot-files').addEventListener('change', (e) => {
  state.changes = [];  // the form's changes were another team's (the example's): hers start empty
  pickSnapshot(e.target.files);
});
$('extract-date').addEventListener('change', () => {
  if ($('snapshot-files').files.length) pickSnapshot($('snapshot-files').files);
});
$('what-if-file').addEventListener('change', (e) => e.target.files[0] && openWhatIf(e.target.files[0]));
$('base-file').addEventListener('change', (e) => {
  if (!e.target.files[0] || !baseWanted) return;
  const answer = baseWanted;
  baseWanted = null;
  answer(e.target.files[0]);
});
$('save-what-if').addEventListener('click', () => download(state.scenarioFile.replace(/\.ya?ml$/, '') + '.yaml',
                                                           'application/yaml', whatIfYaml()));
for (const b of document.querySelectorAll('[data-add]')) b.addEventListener('click', () => addChange(b.dataset.add));
$('run').addEventListener('click', run);
$('cancel').addEventListener('click', stopRunners);
$('download-report').addEventListener('click', () => download('casesim-report.html', 'text/html',
                                                               state.results.shareable));
$('download-json').addEventListener('click', () => download('casesim-results.json', 'application/json', state.results.json));
$('download-csv').addEventListener('click', () => download('casesim-results.csv', 'text/csv', state.results.csv));

// For the page's tests and anyone curious: the YAML the page would save.
window.casesimWhatIfYaml = whatIfYaml;

if (location.hash === '#example') {
  useExample().then((ok) => {
    $('replications').value = 20;
    if (ok) run();
  });
} else {
  useExample();
}
