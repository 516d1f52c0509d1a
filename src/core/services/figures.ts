import type { EntityManager } from 'typeorm';
import type { Platform, Priority, TicketStatus, TicketType, Tier } from '../model';
import { PRIORITIES } from '../model';
import { authorize } from '../rules/authorization';
import {
  backlogSeries,
  figureWindow,
  percent,
  summarizeRatings,
  toMinutes,
  type FigureWindow,
  type RatingSummary,
} from '../rules/figures';
import type { SlaTarget, SlaTargets } from '../rules/sla';
import { figuresSchema, parseInput } from '../schemas';
import { transaction, type ServiceContext } from './context';
import { resolvePerson, type ActorRef } from './people';
import { loadSlaSetup } from './sla';

export interface DayFigures {
  /** `YYYY-MM-DD` in the window's time zone. */
  day: string;
  opened: number;
  resolved: number;
  /** Unresolved at the end of the day (now, for today). */
  backlog: number;
}

/** One SLA target's outcomes decided in the window: met when the target was reached unbreached, missed when its breach was marked. */
export interface SlaOutcome {
  met: number;
  missed: number;
  /** Share met, in per cent; null when no outcome was decided. */
  percentMet: number | null;
}

export interface PrioritySla {
  priority: Priority;
  targets: SlaTargets;
  firstResponse: SlaOutcome;
  resolution: SlaOutcome;
}

export interface ServiceDeflections {
  /** The service's name; null for guides answered for "something else". */
  service: string | null;
  /** Guides answered by an article, no ticket opened. */
  deflected: number;
  /** Guides that went on to open a ticket. */
  opened: number;
  /** Deflected of all guides decided, in per cent. */
  percentDeflected: number | null;
}

export interface SupporterLoad {
  personId: number;
  /** As the person set it: escape before showing. */
  name: string;
  /** Unresolved tickets assigned to them now. */
  open: number;
  /** Tickets assigned to them and resolved in the window. */
  resolved: number;
}

export interface MajorIncidentFigures {
  number: number;
  title: string;
  status: TicketStatus;
  createdAt: Date;
  /** Tickets that joined it (and have not left). */
  joined: number;
}

/** The dashboard's figures for one window; every count is of tickets, major-incident parents included. */
export interface Figures {
  window: FigureWindow;
  days: DayFigures[];
  opened: number;
  resolved: number;
  /** Of tickets first answered in the window, and resolved in it; wall-clock minutes. */
  medianFirstResponseMinutes: number | null;
  medianResolutionMinutes: number | null;
  sla: PrioritySla[];
  ratings: RatingSummary;
  deflections: ServiceDeflections[];
  load: SupporterLoad[];
  majorIncidents: { declared: number; joined: number; incidents: MajorIncidentFigures[] };
}

/** One exported ticket: its main fields, people by name (escape before showing). */
export interface TicketExportRow {
  number: number;
  type: TicketType;
  status: TicketStatus;
  priority: Priority;
  tier: Tier;
  title: string;
  customer: string;
  assignee: string | null;
  platform: Platform;
  createdAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  /** The SLA targets this ticket missed. */
  slaBreaches: SlaTarget[];
  /** The latest rating's score. */
  rating: number | null;
}

/** Memory each sort or set of the figures' statement may use before spilling to disk. */
const FIGURES_WORK_MEM = '32MB';

/** Tickets read per query while exporting: enough to keep round trips few, few enough to keep memory flat. */
export const EXPORT_PAGE_SIZE = 1000;

/**
 * The admins' figures and ticket export on the dashboard. The ticket figures are one statement
 * over one read of the ticket table (TICKET_FIGURES_SQL); ratings and guides are read through
 * their indexed timestamps, so their cost follows the window rather than the helpdesk's age.
 * SLA outcomes are the marks the clock writes (rules/sla.ts), which are set at the moment a target
 * is missed: the figures never depend on when the sweep came by.
 */
export class FiguresService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The figures over the last 7, 30 or 90 days (`{ days }`), for admins. */
  async figures(actorRef: ActorRef, raw: unknown = {}): Promise<Figures> {
    const { days } = parseInput(figuresSchema, raw);
    return transaction(this.ctx, async (tx) => {
      authorize(await resolvePerson(tx.manager, actorRef), 'stats.view');
      const setup = await loadSlaSetup(tx.manager);
      const window = figureWindow(tx.now, days, setup.calendar?.timeZone ?? 'UTC');
      // The window's tickets are read once and then scanned by each figure: at the default 4 MB they
      // spill to a temporary file from about 50,000 tickets (90 days here) and every scan reads it
      // back. For this transaction only, and only as much as each sort or set needs.
      await tx.manager.query(`SET LOCAL work_mem = '${FIGURES_WORK_MEM}'`);
      const tickets = await ticketFigures(tx.manager, window);
      return {
        window,
        ...tickets,
        sla: tickets.sla.map((row) => ({ ...row, targets: setup.policy[row.priority] })),
        ratings: await ratingsIn(tx.manager, window),
        deflections: await deflectionsIn(tx.manager, window),
      };
    });
  }

  /**
   * Every ticket, oldest first, for admins: authorised at once (so a refusal comes before anything
   * is sent), then read a page at a time by ticket id as the caller consumes it, so a large helpdesk
   * never sits in memory. Each page is read as it stands when asked for.
   */
  async exportTickets(actorRef: ActorRef, pageSize = EXPORT_PAGE_SIZE): Promise<AsyncIterable<TicketExportRow>> {
    await transaction(this.ctx, async (tx) => {
      authorize(await resolvePerson(tx.manager, actorRef), 'ticket.export');
    });
    const dataSource = this.ctx.dataSource;
    return {
      async *[Symbol.asyncIterator]() {
        let afterId = 0;
        for (;;) {
          const rows: ExportRowRecord[] = await dataSource.query(EXPORT_SQL, [afterId, pageSize]);
          for (const row of rows) yield toExportRow(row);
          if (rows.length < pageSize) return;
          afterId = rows[rows.length - 1].id;
        }
      },
    };
  }
}

type Row = Record<string, unknown>;
const int = (value: unknown) => Number(value ?? 0);
/** A json column: parsed by the pg driver, but text from some drivers. */
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/**
 * Every ticket figure in one statement over one read of the ticket table: the tickets the window
 * touches (still unresolved, or opened, answered, resolved or breached in it) are read once into a
 * narrow set, and each figure is an aggregate over that set. Days come from generate_series, cut
 * at midnight in the window's zone, so a day without tickets is there with zeros.
 */
const TICKET_FIGURES_SQL = `
  WITH w AS MATERIALIZED (
    SELECT id, is_major, priority, assignee_id, status, created_at, first_response_at, resolved_at,
           first_response_breached_at, resolution_breached_at
    FROM ticket
    WHERE status <> 'resolved' OR created_at >= $1 OR resolved_at >= $1 OR first_response_at >= $1
       OR first_response_breached_at >= $1 OR resolution_breached_at >= $1
  ),
  days AS (SELECT d::date AS day FROM generate_series($3::date, $4::date, interval '1 day') AS d),
  opened AS (SELECT (created_at AT TIME ZONE $5)::date AS day, count(*) AS n FROM w
             WHERE created_at >= $1 AND created_at <= $2 GROUP BY 1),
  resolved AS (SELECT (resolved_at AT TIME ZONE $5)::date AS day, count(*) AS n FROM w
               WHERE resolved_at >= $1 AND resolved_at <= $2 GROUP BY 1),
  sla AS (
    SELECT priority,
           count(*) FILTER (WHERE first_response_at >= $1 AND first_response_at <= $2 AND first_response_breached_at IS NULL) AS fr_met,
           count(*) FILTER (WHERE first_response_breached_at >= $1 AND first_response_breached_at <= $2) AS fr_missed,
           count(*) FILTER (WHERE resolved_at >= $1 AND resolved_at <= $2 AND resolution_breached_at IS NULL) AS res_met,
           count(*) FILTER (WHERE resolution_breached_at >= $1 AND resolution_breached_at <= $2) AS res_missed
    FROM w GROUP BY priority),
  held AS (
    SELECT assignee_id, count(*) FILTER (WHERE status <> 'resolved') AS open,
           count(*) FILTER (WHERE resolved_at >= $1 AND resolved_at <= $2) AS resolved
    FROM w WHERE assignee_id IS NOT NULL GROUP BY assignee_id)
  SELECT
    (SELECT json_agg(json_build_object('day', to_char(days.day, 'YYYY-MM-DD'), 'opened', coalesce(o.n, 0),
                                       'resolved', coalesce(r.n, 0)) ORDER BY days.day)
     FROM days LEFT JOIN opened o ON o.day = days.day LEFT JOIN resolved r ON r.day = days.day) AS days,
    (SELECT count(*) FROM w WHERE created_at < $1 AND (resolved_at IS NULL OR resolved_at >= $1)) AS unresolved_at_start,
    (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_response_at - created_at))
     FROM w WHERE first_response_at >= $1 AND first_response_at <= $2) AS median_first_response,
    (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - created_at))
     FROM w WHERE resolved_at >= $1 AND resolved_at <= $2) AS median_resolution,
    (SELECT json_agg(json_build_object('priority', priority, 'frMet', fr_met, 'frMissed', fr_missed,
                                       'resMet', res_met, 'resMissed', res_missed)) FROM sla) AS sla,
    (SELECT json_agg(json_build_object('personId', p.id, 'name', p.display_name, 'open', coalesce(h.open, 0),
                                       'resolved', coalesce(h.resolved, 0))
                     ORDER BY coalesce(h.open, 0) DESC, coalesce(h.resolved, 0) DESC, p.display_name, p.id)
     FROM person p LEFT JOIN held h ON h.assignee_id = p.id
     WHERE p.tier IS NOT NULL OR h.assignee_id IS NOT NULL) AS load,
    (SELECT json_agg(json_build_object('number', t.number, 'title', t.title, 'status', t.status, 'createdAt', t.created_at,
                                       'joined', (SELECT count(*) FROM ticket c WHERE c.major_incident_id = t.id))
                     ORDER BY t.created_at, t.id)
     FROM w JOIN ticket t ON t.id = w.id WHERE w.is_major AND w.created_at >= $1 AND w.created_at <= $2) AS majors`;

type TicketFigures = Pick<
  Figures,
  'days' | 'opened' | 'resolved' | 'medianFirstResponseMinutes' | 'medianResolutionMinutes' | 'load' | 'majorIncidents'
> & { sla: Array<Omit<PrioritySla, 'targets'>> };

async function ticketFigures(m: EntityManager, w: FigureWindow): Promise<TicketFigures> {
  const [row]: Row[] = await m.query(TICKET_FIGURES_SQL, [w.start, w.end, w.firstDay, w.lastDay, w.timeZone]);
  const daily = json<Array<{ day: string; opened: number; resolved: number }>>(row.days).map((d) => ({
    day: d.day,
    opened: int(d.opened),
    resolved: int(d.resolved),
  }));
  const backlog = backlogSeries(int(row.unresolved_at_start), daily);
  const sla = json<Row[] | null>(row.sla) ?? [];
  const outcome = (met: number, missed: number): SlaOutcome => ({
    met,
    missed,
    percentMet: percent(met, met + missed),
  });
  const incidents = (json<Row[] | null>(row.majors) ?? []).map((r) => ({
    number: int(r.number),
    title: String(r.title),
    status: r.status as TicketStatus,
    createdAt: new Date(r.createdAt as string),
    joined: int(r.joined),
  }));
  return {
    days: daily.map((day, i) => ({ ...day, backlog: backlog[i] })),
    opened: daily.reduce((sum, d) => sum + d.opened, 0),
    resolved: daily.reduce((sum, d) => sum + d.resolved, 0),
    medianFirstResponseMinutes: toMinutes(row.median_first_response as number | null),
    medianResolutionMinutes: toMinutes(row.median_resolution as number | null),
    // Every priority, with nothing decided as null shares.
    sla: PRIORITIES.map((priority) => {
      const r = sla.find((x) => x.priority === priority) ?? {};
      return {
        priority,
        firstResponse: outcome(int(r.frMet), int(r.frMissed)),
        resolution: outcome(int(r.resMet), int(r.resMissed)),
      };
    }),
    load: (json<Row[] | null>(row.load) ?? []).map((r) => ({
      personId: int(r.personId),
      name: String(r.name),
      open: int(r.open),
      resolved: int(r.resolved),
    })),
    majorIncidents: {
      declared: incidents.length,
      joined: incidents.reduce((sum, i) => sum + i.joined, 0),
      incidents,
    },
  };
}

async function ratingsIn(m: EntityManager, w: FigureWindow): Promise<RatingSummary> {
  const rows: Row[] = await m.query(
    `SELECT score, count(*) AS n FROM rating WHERE created_at >= $1 AND created_at <= $2 GROUP BY score`,
    [w.start, w.end],
  );
  return summarizeRatings(rows.map((r) => ({ score: int(r.score), count: int(r.n) })));
}

/** Guides decided in the window, by service: answered by an article (no ticket) or gone on to a ticket. */
async function deflectionsIn(m: EntityManager, w: FigureWindow): Promise<ServiceDeflections[]> {
  const rows: Row[] = await m.query(
    `SELECT s.name AS service,
            count(*) FILTER (WHERE d.outcome = 'deflected') AS deflected,
            count(*) FILTER (WHERE d.outcome = 'opened') AS opened
     FROM ticket_draft d LEFT JOIN service s ON s.id = d.service_id
     WHERE d.outcome IN ('deflected', 'opened') AND d.decided_at >= $1 AND d.decided_at <= $2
     GROUP BY d.service_id, s.name
     ORDER BY deflected DESC, s.name NULLS LAST`,
    [w.start, w.end],
  );
  return rows.map((r) => {
    const deflected = int(r.deflected);
    const opened = int(r.opened);
    return {
      service: r.service === null ? null : String(r.service),
      deflected,
      opened,
      percentDeflected: percent(deflected, deflected + opened),
    };
  });
}

interface ExportRowRecord {
  id: number;
  number: number;
  type: TicketType;
  status: TicketStatus;
  priority: Priority;
  tier: number;
  title: string;
  customer: string | null;
  assignee: string | null;
  platform: Platform;
  created_at: Date | string;
  first_response_at: Date | string | null;
  resolved_at: Date | string | null;
  first_response_breached_at: Date | string | null;
  resolution_breached_at: Date | string | null;
  rating: number | null;
}

/** One page of tickets after an id; the latest rating through the (ticket_id, resolved_at) key. */
const EXPORT_SQL = `
  SELECT t.id, t.number, t.type, t.status, t.priority, t.tier, t.title, c.display_name AS customer,
         a.display_name AS assignee, t.platform, t.created_at, t.first_response_at, t.resolved_at,
         t.first_response_breached_at, t.resolution_breached_at,
         (SELECT r.score FROM rating r WHERE r.ticket_id = t.id ORDER BY r.resolved_at DESC LIMIT 1) AS rating
  FROM ticket t
  JOIN person c ON c.id = t.customer_id
  LEFT JOIN person a ON a.id = t.assignee_id
  WHERE t.id > $1
  ORDER BY t.id
  LIMIT $2`;

const date = (value: Date | string | null) => (value === null ? null : new Date(value));

function toExportRow(r: ExportRowRecord): TicketExportRow {
  const slaBreaches: SlaTarget[] = [];
  if (r.first_response_breached_at) slaBreaches.push('first_response');
  if (r.resolution_breached_at) slaBreaches.push('resolution');
  return {
    number: int(r.number),
    type: r.type,
    status: r.status,
    priority: r.priority,
    tier: int(r.tier) as Tier,
    title: r.title,
    customer: r.customer ?? '',
    assignee: r.assignee,
    platform: r.platform,
    createdAt: new Date(r.created_at),
    firstResponseAt: date(r.first_response_at),
    resolvedAt: date(r.resolved_at),
    slaBreaches,
    rating: r.rating === null ? null : int(r.rating),
  };
}
