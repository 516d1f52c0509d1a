import { Gauge, type Registry } from 'prom-client';
import type { EmbeddedPostgres } from '../db/embedded';

/**
 * The embedded database's share of the process's memory, asked of its thread at scrape time:
 * process_resident_memory_bytes is the whole process, and nodejs_heap_* are the main thread's
 * alone, so without these the database's part is invisible.
 */
export function registerEmbeddedStoreMetrics(registry: Registry, embedded: EmbeddedPostgres): void {
  new Gauge({
    name: 'helpdesk_embedded_store_memory_bytes',
    help:
      'Memory of the embedded PostgreSQL thread: wasm (its WebAssembly memory, which never shrinks), ' +
      'heap_used and heap_total (its V8 heap), external (outside that heap, the WebAssembly memory included)',
    labelNames: ['part'],
    registers: [registry],
    async collect() {
      const memory = await embedded.memory();
      if (memory.wasmMemoryBytes !== null) this.set({ part: 'wasm' }, memory.wasmMemoryBytes);
      this.set({ part: 'heap_used' }, memory.heapUsedBytes);
      this.set({ part: 'heap_total' }, memory.heapTotalBytes);
      this.set({ part: 'external' }, memory.externalBytes);
    },
  });
}
