import type { EntityManager } from 'typeorm';

/** One group of the SLA figures: all tickets, one priority, or one supporter (the assignee). */
export interface SlaFiguresRow {
  grouping: 'total' | 'priority' | 'supporter';
  priority: string | null;
  supporter: string | null;
  /** Tickets opened since the start of the period. */
  opened: number;
  /** Tickets resolved in the period. */
  resolved: number;
  /** Median seconds to the first staff answer, of the tickets first answered in the period. */
  medianFirstResponseSeconds: number | null;
  /** Median seconds to resolution, of the tickets resolved in the period. */
  medianResolutionSeconds: number | null;
  /** Of the tickets resolved in the period, those that met both targets. */
  slaMet: number;
  averageRating: number | null;
  ratings: number;
  /** Of the tickets opened in the period: those that missed each target. */
  firstResponseBreaches: number;
  resolutionBreaches: number;
  /** Of the tickets opened in the period and answered: seconds to the first answer, median and 90th percentile. */
  openedFirstResponseP50Seconds: number | null;
  openedFirstResponseP90Seconds: number | null;
}

/**
 * The SLA figures since a moment, read in one statement: what `/helpdesk stats` shows and what
 * `/metrics` exports come from here, so the two never count a breach or a response time differently.
 */
export async function querySlaFigures(manager: EntityManager, since: Date): Promise<SlaFiguresRow[]> {
  const rows: Array<Record<string, unknown>> = await manager.query(SLA_FIGURES_SQL, [since]);
  return rows.map((r) => ({
    grouping: r.grouping as SlaFiguresRow['grouping'],
    priority: r.priority === null ? null : String(r.priority),
    supporter: r.supporter === null ? null : String(r.supporter),
    opened: Number(r.opened),
    resolved: Number(r.resolved),
    medianFirstResponseSeconds: numberOrNull(r.median_first_response),
    medianResolutionSeconds: numberOrNull(r.median_resolution),
    slaMet: Number(r.sla_met),
    averageRating: numberOrNull(r.average_rating),
    ratings: Number(r.ratings),
    firstResponseBreaches: Number(r.first_response_breaches),
    resolutionBreaches: Number(r.resolution_breaches),
    openedFirstResponseP50Seconds: numberOrNull(r.opened_first_response_p50),
    openedFirstResponseP90Seconds: numberOrNull(r.opened_first_response_p90),
  }));
}

function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** One pass over the tickets the period touched, grouped three ways at once. */
const SLA_FIGURES_SQL = `
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
         coalesce(sum(rating_count), 0) AS ratings,
         count(first_response_breached_at) FILTER (WHERE created_at >= $1) AS first_response_breaches,
         count(resolution_breached_at) FILTER (WHERE created_at >= $1) AS resolution_breaches,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - created_at))
           FILTER (WHERE created_at >= $1 AND first_response_at IS NOT NULL) AS opened_first_response_p50,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - created_at))
           FILTER (WHERE created_at >= $1 AND first_response_at IS NOT NULL) AS opened_first_response_p90
  FROM touched
  GROUP BY GROUPING SETS ((), (priority), (assignee_id))
  ORDER BY grouping, priority, supporter`;
