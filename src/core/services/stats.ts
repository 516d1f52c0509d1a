import { authorize } from '../rules/authorization';
import type { HelpdeskStats, StatsRow } from '../rules/stats';
import { DAY } from '../clock';
import { parseInput, STATS_PERIODS, statsSchema } from '../schemas';
import { transaction, type ServiceContext } from './context';
import { resolvePerson, type ActorRef } from './people';
import { querySlaFigures, type SlaFiguresRow } from './sla-figures';

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
      const rows = await querySlaFigures(tx.manager, since);
      const toRow = (r: SlaFiguresRow, label: string): StatsRow => ({
        label,
        opened: r.opened,
        resolved: r.resolved,
        medianFirstResponseMinutes: minutes(r.medianFirstResponseSeconds),
        medianResolutionMinutes: minutes(r.medianResolutionSeconds),
        slaMetPercent: r.resolved > 0 ? Math.round((r.slaMet / r.resolved) * 1000) / 10 : null,
        averageRating: r.averageRating === null ? null : Math.round(r.averageRating * 10) / 10,
        ratings: r.ratings,
      });
      const total = rows.find((r) => r.grouping === 'total');
      const deflections: Array<{ service: string | null; article: string; count: number }> = await tx.manager.query(
        `SELECT s.name AS service, a.title AS article, count(*)::int AS count
         FROM ticket_draft d JOIN article a ON a.id = d.article_id LEFT JOIN service s ON s.id = d.service_id
         WHERE d.outcome = 'deflected' AND d.decided_at >= $1
         GROUP BY s.name, a.title ORDER BY count DESC, s.name, a.title`,
        [since],
      );
      const savedReplies: Array<{ name: string; uses: number }> = await tx.manager.query(
        `SELECT name, uses FROM saved_reply WHERE archived_at IS NULL ORDER BY uses DESC, lower(name)`,
      );
      return {
        period,
        savedReplies,
        since,
        total: toRow(total ?? EMPTY, 'all tickets'),
        byPriority: rows.filter((r) => r.grouping === 'priority').map((r) => toRow(r, String(r.priority))),
        bySupporter: rows
          .filter((r) => r.grouping === 'supporter')
          .map((r) => toRow(r, r.supporter ? r.supporter : 'unassigned')),
        deflections: deflections.map((d) => ({
          service: d.service ?? 'something else',
          article: d.article,
          count: d.count,
        })),
      };
    });
  }
}

const EMPTY: SlaFiguresRow = {
  grouping: 'total',
  priority: null,
  supporter: null,
  opened: 0,
  resolved: 0,
  medianFirstResponseSeconds: null,
  medianResolutionSeconds: null,
  slaMet: 0,
  averageRating: null,
  ratings: 0,
  firstResponseBreaches: 0,
  resolutionBreaches: 0,
  openedFirstResponseP50Seconds: null,
  openedFirstResponseP90Seconds: null,
};

function minutes(seconds: number | null): number | null {
  return seconds === null ? null : Math.round(seconds / 60);
}
