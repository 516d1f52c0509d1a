// Runs PGlite and its wire-protocol socket server in a worker thread, so the database's WASM work
// never blocks the bot's event loop (and runs outside any test runner's module sandbox).
// Plain JavaScript on purpose: worker threads load files directly, without a TypeScript loader.
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { PGLiteSocketServer } = require('@electric-sql/pglite-socket');
const { PGlite, pgliteOptions } = require('./pglite-options');

async function main() {
  const db = await PGlite.create(workerData.pgdataDir, pgliteOptions());
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: workerData.maxConnections });
  keepProtocolExchangesWhole(server.queryQueue, db);
  await server.start();
  parentPort.on('message', async (message) => {
    if (message === 'memory') {
      parentPort.postMessage({ memory: memoryOf(db) });
      return;
    }
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

/**
 * What this thread holds: PostgreSQL's WebAssembly memory (its size, which never shrinks) and this
 * thread's own V8 heap. `mod` is PGlite's Emscripten module, protected in its typings; HEAPU8 is
 * the view Emscripten keeps on the whole memory, replaced whenever the memory grows.
 */
function memoryOf(db) {
  const heap = process.memoryUsage(); // a worker's heap figures are its own isolate's
  return {
    wasmMemoryBytes: db.mod && db.mod.HEAPU8 ? db.mod.HEAPU8.byteLength : null,
    heapUsedBytes: heap.heapUsed,
    heapTotalBytes: heap.heapTotal,
    externalBytes: heap.external,
  };
}

/**
 * The socket server queues each protocol message on its own and keeps a connection's turn only
 * inside a transaction. A parameterised query outside one is several messages (Parse, Bind,
 * Describe, Execute, Sync), and another connection's Parse arriving in between replaces the
 * unnamed statement ("unnamed prepared statement does not exist", or worse, a wrong answer).
 * This keeps a connection's turn until its exchange ends: a Sync ('S'), a simple Query ('Q'), or
 * the start-up message (no type byte), as well as while a transaction is open.
 */
function keepProtocolExchangesWhole(queue, db) {
  const SYNC = 0x53;
  const QUERY = 0x51;
  let midExchange = null; // the handler whose exchange is unfinished

  const endsExchange = (message) =>
    message.length === 0 || message[0] === SYNC || message[0] === QUERY || message[0] === 0;

  queue.processQueue = async function processQueue() {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = midExchange ?? (db.isInTransaction() ? this.lastHandlerId : null);
        const index = owner === null ? 0 : this.queue.findIndex((item) => item.handlerId === owner);
        if (index === -1) break; // the owner's next message has not arrived yet: wait for it
        const [item] = this.queue.splice(index, 1);
        let bytes = 0;
        try {
          await db.runExclusive(() =>
            db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          midExchange = null;
          item.reject(error);
          continue;
        }
        this.lastHandlerId = item.handlerId;
        midExchange = endsExchange(item.message) ? null : item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };

  // A connection that goes away mid-exchange must not hold the turn.
  const clearQueueForHandler = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    if (midExchange === handlerId) midExchange = null;
    clearQueueForHandler(handlerId);
    void queue.processQueue();
  };
}

main().catch((error) => {
  parentPort.postMessage({ error: String(error && error.stack ? error.stack : error) });
});
