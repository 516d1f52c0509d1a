import fs from 'node:fs';
import path from 'node:path';

/**
 * Tickets, their events and their deliveries are written by the core only (ticket-changes.ts and
 * the services): a scheduled job selects what is due and hands it over. No statement in
 * `src/jobs` inserts into, updates or deletes from those tables, with SQL or through an entity.
 */
const GUARDED = ['ticket', 'ticket_event', 'delivery'];
const SQL_WRITE = new RegExp(
  `\\b(?:insert\\s+into|update|delete\\s+from)\\s+(?:only\\s+)?"?(${GUARDED.join('|')})"?(?![\\w])`,
  'gi',
);
const ENTITY_WRITE =
  /\.(?:insert|update|delete|save|remove|upsert|increment|decrement)\(\s*(TicketEntity|TicketEventEntity|DeliveryEntity)\b/g;

function writesIn(source: string): string[] {
  return [...source.matchAll(SQL_WRITE), ...source.matchAll(ENTITY_WRITE)].map((m) => m[0].replace(/\s+/g, ' '));
}

function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('the scheduled jobs write tickets, events and deliveries only through the core', () => {
  test('the scan finds such writes where they are (it would catch one in a job)', () => {
    expect(writesIn('await q(`UPDATE ticket t SET status = $1`)')).toEqual(['UPDATE ticket']);
    expect(writesIn('`INSERT INTO ticket_event (id) SELECT 1`')).toEqual(['INSERT INTO ticket_event']);
    expect(writesIn('`delete from "delivery" where id = 1`')).toEqual(['delete from "delivery"']);
    expect(writesIn('tx.manager.update(TicketEntity, id, patch)')).toEqual(['.update(TicketEntity']);
    // Locks, reads and other tables are not writes to these.
    expect(
      writesIn('SELECT id FROM ticket FOR UPDATE SKIP LOCKED; UPDATE ticket_draft SET title = 1; UPDATE job_run'),
    ).toEqual([]);
    // The core, which owns these writes, has them.
    const core = fs.readFileSync(path.join(__dirname, '../../src/core/services/ticket-changes.ts'), 'utf8');
    expect(writesIn(core).length).toBeGreaterThan(0);
  });

  test('no file in src/jobs writes them', () => {
    const jobs = sourcesUnder(path.join(__dirname, '../../src/jobs'));
    expect(jobs.length).toBeGreaterThan(3);
    const found = jobs.flatMap((file) =>
      writesIn(fs.readFileSync(file, 'utf8')).map((w) => `${path.basename(file)}: ${w}`),
    );
    expect(found).toEqual([]);
  });
});
