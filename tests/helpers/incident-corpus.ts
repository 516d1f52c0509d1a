import type { DataSource } from 'typeorm';
import corpus from '../fixtures/incidents.json';

/** One labelled incident of tests/fixtures/incidents.json (written by generate-incidents.js). */
export interface CorpusIncident {
  id: number;
  half: 'tune' | 'heldout';
  /** Requests (how-to questions, asks for something new) are never compared: the corpus has them to prove it. */
  type: 'incident' | 'request';
  /** The problem it reports; null for a one-off (near misses included). */
  cluster: string | null;
  nearMissOf?: string;
  /** Minutes after the start of its half's day. */
  minute: number;
  serviceId: number | null;
  title: string;
  description: string;
}

/** The tuning half or the held-out half, in order of creation (the split is fixed in the file). */
export function corpusHalf(half: CorpusIncident['half']): CorpusIncident[] {
  return (corpus as CorpusIncident[]).filter((i) => i.half === half).sort((a, b) => a.minute - b.minute || a.id - b.id);
}

/** When a corpus incident was opened: its minute, plus its id in milliseconds so no two tie. */
export function openedAt(start: Date, incident: CorpusIncident): Date {
  return new Date(start.getTime() + incident.minute * 60_000 + incident.id);
}

/**
 * Stores the incidents as tickets (ids kept) of one customer in a single statement, so loading a
 * corpus costs one round trip; the search column is filled by the table's own trigger.
 */
export async function storeCorpus(dataSource: DataSource, incidents: CorpusIncident[], start: Date): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const [{ id: customerId }] = await manager.query(
      `INSERT INTO person (display_name) VALUES ('Corpus customer') RETURNING id`,
    );
    const rows = incidents.map((i) => ({
      id: i.id,
      type: i.type,
      title: i.title,
      description: i.description,
      service_id: i.serviceId,
      created_at: openedAt(start, i).toISOString(),
    }));
    // The catalog services the corpus names (tickets refer to them), by the ids the corpus uses.
    const serviceIds = [...new Set(incidents.map((i) => i.serviceId).filter((id): id is number => id !== null))];
    await manager.query(
      `INSERT INTO service (id, name, created_at, updated_at) SELECT id, 'Corpus service ' || id, now(), now() FROM unnest($1::int[]) AS id
       ON CONFLICT (id) DO NOTHING`,
      [serviceIds],
    );
    await manager.query(
      `SELECT setval(pg_get_serial_sequence('service', 'id'), greatest((SELECT max(id) FROM service), 1))`,
    );
    await manager.query(
      `INSERT INTO ticket (id, title, description, type, service_id, customer_id, opened_by_id, platform, created_at, updated_at)
       SELECT r.id, r.title, r.description, r.type, r.service_id, $2, $2, 'discord', r.created_at, r.created_at
       FROM jsonb_to_recordset($1::jsonb) AS r(id int, type text, title text, description text, service_id int, created_at timestamptz)`,
      [JSON.stringify(rows), customerId],
    );
    await manager.query(`SELECT setval(pg_get_serial_sequence('ticket', 'id'), (SELECT max(id) FROM ticket))`);
  });
}

export interface PairScore {
  precision: number;
  recall: number;
  predicted: number;
  correct: number;
  expected: number;
}

/**
 * Pairwise precision and recall: a predicted pair is right when both incidents carry the same
 * cluster label; the pairs to find are those of one cluster opened within the window of each other.
 */
export function scorePairs(
  incidents: CorpusIncident[],
  predicted: Array<[number, number]>,
  windowMinutes: number,
  only: (a: number, b: number) => boolean = () => true,
): PairScore {
  const byId = new Map(incidents.map((i) => [i.id, i]));
  const key = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);
  const found = new Set(predicted.filter(([a, b]) => only(a, b)).map(([a, b]) => key(a, b)));
  let correct = 0;
  for (const pair of found) {
    const [a, b] = pair.split(':').map((n) => byId.get(Number(n))!);
    if (a.cluster !== null && a.cluster === b.cluster) correct++;
  }
  let expected = 0;
  for (let i = 0; i < incidents.length; i++) {
    for (let j = i + 1; j < incidents.length; j++) {
      const [a, b] = [incidents[i], incidents[j]];
      if (
        a.cluster !== null &&
        a.cluster === b.cluster &&
        Math.abs(a.minute - b.minute) <= windowMinutes &&
        only(a.id, b.id)
      )
        expected++;
    }
  }
  return {
    precision: found.size === 0 ? 1 : correct / found.size,
    recall: expected === 0 ? 1 : correct / expected,
    predicted: found.size,
    correct,
    expected,
  };
}

const DANISH = /[æøå]|\b(ikke|jeg|og|er|kan|det|virker|mine|ingen)\b/i;

/** Written in Danish (by its letters and commonest words): to measure Danish↔English pairs apart. */
export function isDanish(incident: CorpusIncident): boolean {
  return DANISH.test(`${incident.title} ${incident.description}`);
}
