import { Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { DAY, systemClock, type Clock } from '../core/clock';
import { querySlaFigures, type SlaFiguresRow } from '../core/services/sla-figures';

/**
 * SLA figures for /metrics, read from the database at scrape time, so every instance reports the
 * same numbers whichever of them marked a breach: breaches by priority and target, and the time
 * to first response (median and 90th percentile), over the tickets opened in the last 30 days.
 * The figures are the core's, the same query `/helpdesk stats` reads.
 */
export function registerSlaMetrics(registry: Registry, dataSource: DataSource, clock: Clock = systemClock): void {
  const load = async (): Promise<SlaFiguresRow[]> =>
    (await querySlaFigures(dataSource.manager, new Date(clock.now().getTime() - 30 * DAY))).filter(
      (row) => row.grouping === 'priority',
    );
  // A scrape collects every gauge at once: the two gauges below share one run of the query.
  let inFlight: Promise<SlaFiguresRow[]> | null = null;
  const byPriority = (): Promise<SlaFiguresRow[]> =>
    (inFlight ??= load().finally(() => {
      inFlight = null;
    }));
  new Gauge({
    name: 'helpdesk_sla_breaches',
    help: 'Tickets opened in the last 30 days that missed an SLA target, by priority and target',
    labelNames: ['priority', 'target'],
    registers: [registry],
    async collect() {
      const rows = await byPriority();
      this.reset();
      for (const row of rows) {
        if (row.opened === 0) continue; // a priority only resolved or rated in the window, not opened in it
        this.set({ priority: String(row.priority), target: 'first_response' }, row.firstResponseBreaches);
        this.set({ priority: String(row.priority), target: 'resolution' }, row.resolutionBreaches);
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
      const rows = await byPriority();
      this.reset();
      for (const row of rows) {
        if (row.openedFirstResponseP50Seconds === null || row.openedFirstResponseP90Seconds === null) continue;
        this.set({ priority: String(row.priority), quantile: '0.5' }, row.openedFirstResponseP50Seconds);
        this.set({ priority: String(row.priority), quantile: '0.9' }, row.openedFirstResponseP90Seconds);
      }
    },
  });
}
