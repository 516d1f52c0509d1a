import type { EntityManager } from 'typeorm';
import { searchTerms } from '../rules/it-words';
import { isLookAlike, type LookAlikeScores, type LookAlikeSettings } from '../rules/similarity';
import { transaction, type ServiceContext } from './context';

/** The incident being opened, as the look-alike search needs it. */
export interface LookAlikeProbe {
  id: number;
  title: string;
  description: string;
  serviceId: number | null;
  createdAt: Date;
}

export interface LookAlikeCandidate extends LookAlikeScores {
  id: number;
  /** ts_rank of this incident against all of the new report's terms: orders look-alikes best first. */
  rank: number;
  serviceId: number | null;
  createdAt: Date;
}

/**
 * The scores of every incident opened in the window before the probe (the probe itself left
 * out), as the database measures them:
 * - `trigram`: pg_trgm similarity of the whole texts (typos, inflections, shared codes);
 * - `shared`/`terms`: how many of the probe's search terms (synonym groups counted once, words
 *   that are stop words in English or Danish left out) the incident's text matches, through the
 *   'english' and 'danish' configurations, so an English and a Danish report meet on stems,
 *   names, codes and the synonym list;
 * - `rank`: ts_rank of the incident against all those terms at once.
 * The window is read through ticket_type_created_idx, so the cost follows the incidents in the
 * window, not the table.
 */
export async function scoreRecentIncidents(manager: EntityManager, probe: LookAlikeProbe, windowMinutes: number): Promise<LookAlikeCandidate[]> {
  const since = new Date(probe.createdAt.getTime() - windowMinutes * 60_000);
  const rows: Array<{ id: number; service_id: number | null; created_at: Date; trigram: number; shared: number; terms: number; words: number; rank: number }> =
    await manager.query(
      `WITH kept AS (
         SELECT term FROM unnest($2::text[]) AS term
         WHERE to_tsvector('english'::regconfig, translate(term, '|', ' ')) <> ''::tsvector
           AND to_tsvector('danish'::regconfig, translate(term, '|', ' ')) <> ''::tsvector
       ), probe AS (
         SELECT coalesce(array_agg(to_tsquery('english'::regconfig, term) || to_tsquery('danish'::regconfig, term)), '{}') AS each,
                count(*)::int AS terms,
                to_tsquery('english'::regconfig, coalesce(string_agg(term, ' | '), '')) ||
                  to_tsquery('danish'::regconfig, coalesce(string_agg(term, ' | '), '')) AS anyterm
         FROM kept
       )
       SELECT t.id, t.service_id, t.created_at,
              similarity(lower(t.title || ' ' || t.description), lower($1::text)) AS trigram,
              (SELECT count(*) FROM unnest(p.each) AS q WHERE t.search @@ q)::int AS shared,
              p.terms,
              least(length(to_tsvector('english'::regconfig, t.title || ' ' || t.description)),
                    length(to_tsvector('danish'::regconfig, t.title || ' ' || t.description))) AS words,
              ts_rank(t.search, p.anyterm) AS rank
       FROM ticket t, probe p
       WHERE t.type = 'incident' AND t.created_at >= $3 AND t.created_at <= $4 AND t.id <> $5
       ORDER BY t.created_at, t.id`,
      [`${probe.title} ${probe.description}`, searchTerms(probe.title, probe.description), since, probe.createdAt, probe.id],
    );
  return rows.map((r) => ({
    id: r.id,
    serviceId: r.service_id,
    createdAt: new Date(r.created_at),
    trigram: Number(r.trigram),
    shared: r.shared,
    terms: r.terms,
    words: r.words,
    rank: Number(r.rank),
    sameService: probe.serviceId !== null && r.service_id === probe.serviceId,
  }));
}

/** The incidents of the window that look like the probe, best first, inside the caller's transaction. */
export async function findLookAlikesIn(manager: EntityManager, probe: LookAlikeProbe, settings: LookAlikeSettings): Promise<LookAlikeCandidate[]> {
  const candidates = await scoreRecentIncidents(manager, probe, settings.windowMinutes);
  return candidates.filter((c) => isLookAlike(c, settings)).sort((a, b) => b.rank - a.rank || a.id - b.id);
}

/** The same in a transaction of its own. */
export function findLookAlikes(ctx: ServiceContext, probe: LookAlikeProbe, settings: LookAlikeSettings): Promise<LookAlikeCandidate[]> {
  return transaction(ctx, (tx) => findLookAlikesIn(tx.manager, probe, settings));
}
