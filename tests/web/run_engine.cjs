// Runs a what-if in the browser build's engine under Node.js, exactly as the
// page's workers do (WhatIfSession: load, run, record), and writes every
// replication's /summary values as JSON {metric: [value per replication]}
// (null where not applicable), with the time each replication took.
// usage: node run_engine.cjs ENGINE_MODULE.js SCENARIO.yaml SNAPSHOT_DIR REPLICATIONS SEED OUT.json
'use strict';
const fs = require('fs');
const path = require('path');
const [modulePath, scenario, snapshot, replications, seed, out] = process.argv.slice(2);

function withRun(text, field, value) {
  // The scenario's run section, as `casesim run --replications --seed` sets it.
  return text.replace(new RegExp(`^(run:[\\s\\S]*?\\n\\s+${field}:\\s*)[^#\\n]*`, 'm'), `$1${value}`);
}

(async () => {
  const engine = await require(path.resolve(modulePath))();
  const session = new engine.WhatIfSession();
  const files = {};
  for (const name of fs.readdirSync(snapshot)) {
    if (/\.(csv|yaml)$/.test(name)) files[name] = new Uint8Array(fs.readFileSync(path.join(snapshot, name)));
  }
  let text = fs.readFileSync(scenario, 'utf8');
  text = withRun(withRun(text, 'replications', replications), 'seed', seed);
  const info = JSON.parse(session.load(scenario, text, files));
  if (info.error) throw new Error(info.error);
  const started = process.hrtime.bigint();
  for (let r = 0; r < Number(replications); r++) session.record(session.run(r, 1));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const results = JSON.parse(session.resultsJson());
  const summary = {};
  for (const m of results.metrics) summary[m.name] = m.values;
  fs.writeFileSync(out, JSON.stringify({ summary, seconds_per_replication: seconds / Number(replications) }));
})().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
