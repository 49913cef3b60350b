// Runs a what-if in the browser build's engine under Node.js, exactly as the
// page's workers do (WhatIfSession: load, run, record), and writes every
// variant's and replication's /summary values as JSON {variants: [name],
// summary: {metric: [[value per replication] per variant]}} (null where not
// applicable), with the time each replication (of every variant) took.
// usage: node run_engine.cjs ENGINE_MODULE.js SCENARIO.yaml SNAPSHOT_DIR REPLICATIONS SEED OUT.json
'use strict';
const fs = require('fs');
const path = require('path');
const { scenarioBases } = require('../../web/pack_site.cjs');
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
  // As the page does: loaded as it is, then its text as the engine resolved it
  // (bases merged in, one key per line) with the run's replications and seed.
  const load = (text, bases) => {
    const info = JSON.parse(session.load(scenario, text, bases, files));
    if (info.error) throw new Error(info.error);
    return info;
  };
  const resolved = load(fs.readFileSync(scenario, 'utf8'), scenarioBases(scenario)).scenario_text;
  const info = load(withRun(withRun(resolved, 'replications', replications), 'seed', seed), []);
  if (info.replications !== Number(replications) || info.seed !== seed)
    throw new Error(`loaded ${info.replications} replications with seed ${info.seed}, asked for ${replications}, ${seed}`);
  const started = process.hrtime.bigint();
  for (let r = 0; r < Number(replications); r++) session.record(session.run(r, 1));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const results = JSON.parse(session.resultsJson());
  const summary = {};
  for (const m of results.metrics) summary[m.name] = m.values;
  fs.writeFileSync(out, JSON.stringify({ variants: results.variants, summary,
                                         seconds_per_replication: seconds / Number(replications) }));
})().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
