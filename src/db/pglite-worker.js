// Runs PGlite and its wire-protocol socket server in a worker thread, so the database's WASM work
// never blocks the bot's event loop (and runs outside any test runner's module sandbox).
// Plain JavaScript on purpose: worker threads load files directly, without a TypeScript loader.
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require('@electric-sql/pglite');
const { PGLiteSocketServer } = require('@electric-sql/pglite-socket');

async function main() {
  const db = await PGlite.create(workerData.pgdataDir);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: workerData.maxConnections });
  await server.start();
  parentPort.on('message', async (message) => {
    if (message !== 'stop') return;
    try {
      await server.stop();
      await db.close();
      parentPort.postMessage({ stopped: true });
    } catch (error) {
      parentPort.postMessage({ stopped: true, error: String(error && error.stack ? error.stack : error) });
    }
  });
  parentPort.postMessage({ conn: server.getServerConn() });
}

main().catch((error) => {
  parentPort.postMessage({ error: String(error && error.stack ? error.stack : error) });
});
