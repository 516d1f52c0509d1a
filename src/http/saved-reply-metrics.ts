import { Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';

/**
 * How often each saved reply in use was sent, ever (the count `/helpdesk stats` shows), read from
 * the database at scrape time so every instance reports the same number.
 */
export function registerSavedReplyMetrics(registry: Registry, dataSource: DataSource): void {
  new Gauge({
    name: 'helpdesk_saved_reply_uses',
    help: 'Times each saved reply in use was sent in a ticket, by reply name',
    labelNames: ['reply'],
    registers: [registry],
    async collect() {
      const rows: Array<{ name: string; uses: number }> = await dataSource.query(
        `SELECT name, uses FROM saved_reply WHERE archived_at IS NULL`,
      );
      this.reset();
      for (const row of rows) this.set({ reply: row.name }, row.uses);
    },
  });
}
