import fs from 'node:fs';
import path from 'node:path';

/**
 * Tickets, their events and their deliveries are written by one piece of code: a change to a
 * ticket (one, or a job's batch) by ticket-changes.ts, which writes its clock, event, deliveries
 * and cascade together; the opening's insert by ticket-columns.ts. A scheduled job selects what
 * is due and hands it over; a service calls `applyChange`. The scan below finds every statement
 * in `src` (migrations aside) that inserts into, updates or deletes from those tables (SQL, a
 * table named by a variable, or an entity write) and holds it to the short list of writers.
 */
const GUARDED = ['ticket', 'ticket_event', 'delivery'];
const SQL_WRITE = new RegExp(
  `\\b(?:insert\\s+into|update|delete\\s+from)\\s+(?:only\\s+)?"?(${GUARDED.join('|')}|\\$\\{\\w+\\})"?(?![\\w])`,
  'gi',
);
const ENTITY_WRITE =
  /\.(?:insert|update|delete|save|remove|upsert|increment|decrement)\(\s*(TicketEntity|TicketEventEntity|DeliveryEntity)\b|getRepository\(\s*(?:TicketEntity|TicketEventEntity|DeliveryEntity)\b|\.save\(/g;

/**
 * Files that write those tables, with what they write and why they may. Anything else found is a
 * second way to change a ticket.
 */
const WRITERS: Record<string, { writes: string[]; why: string }> = {
  'core/services/ticket-changes.ts': {
    writes: ['UPDATE ticket', 'INSERT INTO ticket_event'],
    why: 'the one write path: a change (patch, SLA clock, event, deliveries, cascade), one ticket or a batch',
  },
  'core/services/history.ts': {
    writes: ['INSERT INTO ticket_event'],
    why: 'an event and its deliveries in one statement; called by ticket-changes.ts only (checked below)',
  },
  'core/services/ticket-columns.ts': {
    writes: ['INSERT INTO ticket'],
    why: "the opening's insert (ticket-store.ts insertTicket): a new ticket, not a change to one",
  },
  'core/services/ticket-bookkeeping.ts': {
    writes: ['UPDATE ticket', 'UPDATE ticket_event'],
    why: 'columns no person sees change (platform location, proposal lists, clock re-check, merged people): no event, no clock',
  },
  'core/services/delivery-insert.ts': {
    writes: ['INSERT INTO delivery'],
    why: 'the one delivery insert, embedded by ticket-changes.ts, history.ts and writeDeliveries (deliveries of no ticket)',
  },
  'core/services/delivery-retention.ts': {
    writes: ['UPDATE delivery'],
    why: 'retention empties the payloads of deliveries long sent: the queue, not a ticket',
  },
  'core/services/delivery-view.ts': {
    writes: ['UPDATE delivery'],
    why: "a sender forgets a sent delivery's payload (an erasure's places): the queue, not a ticket",
  },
  'core/services/erasure.ts': {
    writes: ['DELETE FROM delivery', 'UPDATE delivery'],
    why: "an erased person's waiting deliveries dropped, and the places to erase given to the erasure's own delivery only (never the history)",
  },
  'core/services/text-copies.ts': {
    writes: ['UPDATE ${table}'],
    why: 'a redaction or erasure replaces a text inside events and deliveries already written',
  },
  'delivery/dispatcher.ts': {
    writes: ['UPDATE delivery'],
    why: "the dispatcher's sending state of a delivery (claimed, sent, retried, failed): the queue, not a ticket",
  },
  'delivery/held-claim.ts': {
    writes: ['UPDATE delivery'],
    why: "a long send renews its claim's lease: the queue, not a ticket",
  },
};

function writesIn(source: string): string[] {
  return [...source.matchAll(SQL_WRITE), ...source.matchAll(ENTITY_WRITE)].map((m) => m[0].replace(/\s+/g, ' '));
}

/** Each kind of write once, spelt as the list spells it. */
function kindsIn(source: string): string[] {
  const upper = (w: string) => w.replace(/^(insert into|update|delete from)/i, (verb) => verb.toUpperCase());
  return [...new Set(writesIn(source).map(upper))].sort();
}

const SRC = path.join(__dirname, '../../src');

function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const relative = (file: string) => path.relative(SRC, file).split(path.sep).join('/');

describe('tickets, events and deliveries are written by one piece of code', () => {
  test('the scan finds such writes where they are (it would catch one in a job or a service)', () => {
    expect(writesIn('await q(`UPDATE ticket t SET status = $1`)')).toEqual(['UPDATE ticket']);
    expect(writesIn('`INSERT INTO ticket_event (id) SELECT 1`')).toEqual(['INSERT INTO ticket_event']);
    expect(writesIn('`delete from "delivery" where id = 1`')).toEqual(['delete from "delivery"']);
    expect(writesIn('`UPDATE ${table} SET data = $1`')).toEqual(['UPDATE ${table}']);
    expect(writesIn('tx.manager.update(TicketEntity, id, patch)')).toEqual(['.update(TicketEntity']);
    expect(writesIn('manager.getRepository(TicketEntity).update(1, {})')).toEqual(['getRepository(TicketEntity']);
    expect(writesIn('await tx.manager.save(ticket)')).toEqual(['.save(']);
    // Locks, reads and other tables are not writes to these.
    expect(
      writesIn('SELECT id FROM ticket FOR UPDATE SKIP LOCKED; UPDATE ticket_draft SET title = 1; UPDATE job_run'),
    ).toEqual([]);
  });

  test('no file in src/jobs writes them: a job hands what is due to the core', () => {
    const jobs = sourcesUnder(path.join(SRC, 'jobs'));
    expect(jobs.length).toBeGreaterThan(3);
    const found = jobs.flatMap((file) => writesIn(fs.readFileSync(file, 'utf8')).map((w) => `${relative(file)}: ${w}`));
    expect(found).toEqual([]);
  });

  test('in src only the listed writers write them, and only what they are listed for (migrations aside)', () => {
    const files = sourcesUnder(SRC).filter((file) => !relative(file).startsWith('db/migrations/'));
    const found: Record<string, string[]> = {};
    for (const file of files) {
      const kinds = kindsIn(fs.readFileSync(file, 'utf8'));
      if (kinds.length > 0) found[relative(file)] = kinds;
    }
    const listed = Object.fromEntries(Object.entries(WRITERS).map(([file, w]) => [file, [...w.writes].sort()]));
    expect(found).toEqual(listed);
  });

  test('only ticket-changes.ts records an event (through history.ts)', () => {
    const callers = sourcesUnder(SRC).filter((file) => /\brecordEvent\(/.test(fs.readFileSync(file, 'utf8')));
    expect(callers.map(relative).sort()).toEqual(['core/services/history.ts', 'core/services/ticket-changes.ts']);
  });
});
