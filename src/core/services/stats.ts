import { authorize } from '../rules/authorization';
import type { HelpdeskStats, StatsRow } from '../rules/stats';
import { DAY } from '../clock';
import { parseInput, STATS_PERIODS, statsSchema } from '../schemas';
import { transaction, type ServiceContext } from './context';
import { resolvePerson, type ActorRef } from './people';

/**
 * `/helpdesk stats [7d|30d]`: what the helpdesk did in the period, overall, by priority and by
 * supporter (the ticket's assignee). Opened counts tickets opened in the period; the rest count
 * tickets resolved (or first answered, or rated) in it. Durations are wall-clock minutes.
 */
export class StatsService {
  constructor(private readonly ctx: ServiceContext) {}

  async stats(actorRef: ActorRef, raw: unknown = {}): Promise<HelpdeskStats> {
    const { period } = parseInput(statsSchema, raw);
    return transaction(this.ctx, async (tx) => {
      authorize(await resolvePerson(tx.manager, actorRef), 'stats.view');
      const since = new Date(tx.now.getTime() - STATS_PERIODS[period] * DAY);
      const rows: Array<Record<string, unknown>> = await tx.manager.query(STATS_SQL, [since]);
      const toRow = (r: Record<string, unknown>, label: string): StatsRow => ({
        label,
        opened: Number(r.opened),
        resolved: Number(r.resolved),
        medianFirstResponseMinutes: minutes(r.median_first_response),
        medianResolutionMinutes: minutes(r.median_resolution),
        slaMetPercent: Number(r.resolved) > 0 ? Math.round((Number(r.sla_met) / Number(r.resolved)) * 1000) / 10 : null,
        averageRating: r.average_rating === null ? null : Math.round(Number(r.average_rating) * 10) / 10,
        ratings: Number(r.ratings),
      });
      const total = rows.find((r) => r.grouping === 'total');
      const deflections: Array<{ service: string | null; article: string; count: number }> = await tx.manager.query(
        `SELECT s.name AS service, a.title AS article, count(*)::int AS count
         FROM ticket_draft d JOIN article a ON a.id = d.article_id LEFT JOIN service s ON s.id = d.service_id
         WHERE d.outcome = 'deflected' AND d.decided_at >= $1
         GROUP BY s.name, a.title ORDER BY count DESC, s.name, a.title`,
        [since],
      );
      return {
        period,
        since,
        total: toRow(total ?? EMPTY, 'all tickets'),
        byPriority: rows.filter((r) => r.grouping === 'priority').map((r) => toRow(r, String(r.priority))),
        bySupporter: rows
          .filter((r) => r.grouping === 'supporter')
          .map((r) => toRow(r, r.supporter ? String(r.supporter) : 'unassigned')),
        deflections: deflections.map((d) => ({
          service: d.service ?? 'something else',
          article: d.article,
          count: d.count,
        })),
      };
    });
  }
}

const EMPTY = {
  opened: 0,
  resolved: 0,
  median_first_response: null,
  median_resolution: null,
  sla_met: 0,
  average_rating: null,
  ratings: 0,
};

function minutes(seconds: unknown): number | null {
  return seconds === null || seconds === undefined ? null : Math.round(Number(seconds) / 60);
}

/** One pass over the tickets the period touched, grouped three ways at once. */
const STATS_SQL = `
  WITH touched AS (
    SELECT t.id, t.priority, t.assignee_id, t.created_at, t.first_response_at, t.resolved_at, t.status,
           t.first_response_breached_at, t.resolution_breached_at,
           (SELECT avg(score) FROM rating r WHERE r.ticket_id = t.id AND r.created_at >= $1) AS rating,
           (SELECT count(*) FROM rating r WHERE r.ticket_id = t.id AND r.created_at >= $1) AS rating_count
    FROM ticket t
    WHERE t.created_at >= $1 OR t.resolved_at >= $1 OR t.first_response_at >= $1
       OR EXISTS (SELECT 1 FROM rating r WHERE r.ticket_id = t.id AND r.created_at >= $1)
  )
  SELECT CASE WHEN GROUPING(priority) = 0 THEN 'priority' WHEN GROUPING(assignee_id) = 0 THEN 'supporter' ELSE 'total' END AS grouping,
         priority,
         (SELECT display_name FROM person p WHERE p.id = assignee_id) AS supporter,
         count(*) FILTER (WHERE created_at >= $1) AS opened,
         count(*) FILTER (WHERE status = 'resolved' AND resolved_at >= $1) AS resolved,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - created_at))
           FILTER (WHERE first_response_at >= $1) AS median_first_response,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - created_at))
           FILTER (WHERE status = 'resolved' AND resolved_at >= $1) AS median_resolution,
         count(*) FILTER (WHERE status = 'resolved' AND resolved_at >= $1
                            AND first_response_breached_at IS NULL AND resolution_breached_at IS NULL) AS sla_met,
         sum(rating * rating_count) / NULLIF(sum(rating_count), 0) AS average_rating,
         coalesce(sum(rating_count), 0) AS ratings
  FROM touched
  GROUP BY GROUPING SETS ((), (priority), (assignee_id))
  ORDER BY grouping, priority, supporter`;
