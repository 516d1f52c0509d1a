import { Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

/**
 * SLA figures for /metrics, read from the database at scrape time, so every instance reports the
 * same numbers whichever of them marked a breach: breaches by priority and target, and the time
 * to first response (median and 90th percentile), over the tickets opened in the last 30 days
 * (the index on created_at keeps a scrape cheap however old the helpdesk is).
 */
export function registerSlaMetrics(registry: Registry, dataSource: DataSource): void {
  const window = `created_at >= now() - interval '30 days'`;
  new Gauge({
    name: 'helpdesk_sla_breaches',
    help: 'Tickets opened in the last 30 days that missed an SLA target, by priority and target',
    labelNames: ['priority', 'target'],
    registers: [registry],
    async collect() {
      const rows: Array<{ priority: string; first_response: number; resolution: number }> = await dataSource.query(
        `SELECT priority, count(first_response_breached_at)::int AS first_response, count(resolution_breached_at)::int AS resolution
         FROM ticket WHERE ${window} GROUP BY priority`,
      );
      this.reset();
      for (const row of rows) {
        this.set({ priority: row.priority, target: 'first_response' }, row.first_response);
        this.set({ priority: row.priority, target: 'resolution' }, row.resolution);
      }
    },
  });
  new Gauge({
    name: 'helpdesk_deflections',
    help: 'Problems solved by a guide article before a ticket was opened, last 30 days, by service',
    labelNames: ['service'],
    registers: [registry],
    async collect() {
      const rows: Array<{ service: string | null; count: number }> = await dataSource.query(
        `SELECT s.name AS service, count(*)::int AS count FROM ticket_draft d LEFT JOIN service s ON s.id = d.service_id
         WHERE d.outcome = 'deflected' AND d.decided_at >= now() - interval '30 days' GROUP BY s.name`,
      );
      this.reset();
      for (const row of rows) this.set({ service: row.service ?? 'something else' }, row.count);
    },
  });
  new Gauge({
    name: 'helpdesk_first_response_seconds',
    help: 'Time from opening to the first staff answer, tickets opened in the last 30 days, by priority',
    labelNames: ['priority', 'quantile'],
    registers: [registry],
    async collect() {
      const rows: Array<{ priority: string; p50: number; p90: number }> = await dataSource.query(
        `SELECT priority,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - created_at)) AS p50,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - created_at)) AS p90
         FROM ticket WHERE ${window} AND first_response_at IS NOT NULL GROUP BY priority`,
      );
      this.reset();
      for (const row of rows) {
        this.set({ priority: row.priority, quantile: '0.5' }, Number(row.p50));
        this.set({ priority: row.priority, quantile: '0.9' }, Number(row.p90));
      }
    },
  });
}
