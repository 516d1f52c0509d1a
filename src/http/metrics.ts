import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

/**
 * The app's own Prometheus registry (never prom-client's global one), so several apps can live in
 * one process (tests) without "metric already registered" errors. Later code registers its
 * metrics here: `new Counter({ name, help, registers: [metrics.registry] })`.
 */
export interface Metrics {
  registry: Registry;
  /** Text exposition of every metric, and the content type to serve it with. */
  render(): Promise<{ contentType: string; body: string }>;
}

export function createMetrics(options: { databaseUp: () => Promise<boolean> }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'helpdesk_database_up',
    help: '1 when the database answered SELECT 1 at scrape time, else 0',
    registers: [registry],
    // Checked on every scrape, so the value is never stale.
    async collect() {
      this.set((await options.databaseUp()) ? 1 : 0);
    },
  });
  return {
    registry,
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
