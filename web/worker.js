// One Web Worker: one WebAssembly instance of the engine (the module this
// text follows in casesim-engine.js) and one WhatIfSession. The page sends it
// the inputs, then replications to run, and, for the worker that keeps the
// results, what the others ran, to record and report (docs/web.md).
/* global createCasesimEngine */
'use strict';
let engine = null;
let session = null;
const ready = createCasesimEngine().then((loaded) => {
  engine = loaded;
  session = new engine.WhatIfSession();
});

function handle(message) {
  switch (message.type) {
    case 'load': {
      const info = JSON.parse(session.load(message.scenarioFile, message.scenarioText, message.scenarioBases || [],
                                           message.snapshotFiles));
      return info.error ? { type: 'error', message: info.error } : { type: 'loaded', info };
    }
    case 'nextBase': {
      const next = JSON.parse(engine.nextBase(message.scenarioFile, message.scenarioText, message.scenarioBases));
      return next.error ? { type: 'error', message: next.error } : { type: 'base', next };
    }
    case 'run': {
      const started = performance.now();
      const chunk = session.run(message.first, message.count);
      chunk.milliseconds = performance.now() - started;
      return { type: 'ran', chunk };
    }
    case 'record':
      for (const chunk of message.chunks) session.record(chunk);
      return { type: 'recorded' };
    case 'report':
      // With names for her screen; the download is the shareable report, without them.
      return { type: 'report', html: session.reportHtml(true), shareable: session.reportHtml(false),
               json: session.resultsJson(), csv: session.resultsCsv() };
    default:
      return { type: 'error', message: `unknown request ${message.type}` };
  }
}

self.onmessage = (event) => {
  ready.then(() => {
    let reply;
    try {
      reply = handle(event.data);
    } catch (e) {
      reply = { type: 'error', message: String(e && e.message ? e.message : e) };
    }
    reply.id = event.data.id;
    const transfer = reply.chunk ? [reply.chunk.summary.buffer, reply.chunk.weekly.buffer,
                                    reply.chunk.durations.buffer, reply.chunk.late.buffer,
                                    reply.chunk.workers.buffer] : [];
    self.postMessage(reply, transfer);
  });
};
