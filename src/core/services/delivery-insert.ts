import type { DeliveryDraft } from '../rules/notifications';

/**
 * The one INSERT of deliveries. Every writer (an event's record, a batch job's statement, a
 * message outside any ticket) passes its planned deliveries as one JSON array parameter, built by
 * `deliveryRows`, and embeds this statement (alone, or as a step of a larger one). The array is
 * read as json, not jsonb: it is taken apart once, and json_to_recordset parses it in one pass
 * where jsonb would first build the whole array as a value (a batch's is megabytes).
 */

/** A planned delivery as the INSERT reads it. */
export interface DeliveryRow extends DeliveryDraft {
  /** The order it was planned in: a destination's deliveries go out in id order. */
  position: number;
  ticket_id: number | null;
  event_id: number | null;
}

/** Drafts as rows, numbered after `from` (rows already planned in the same parameter). */
export function deliveryRows(
  drafts: readonly DeliveryDraft[],
  ids: { ticketId: number | null; eventId: number | null },
  from = 0,
): DeliveryRow[] {
  return drafts.map((draft, i) => ({
    position: from + i,
    platform: draft.platform,
    destination: draft.destination,
    kind: draft.kind,
    payload: draft.payload,
    ticket_id: ids.ticketId,
    event_id: ids.eventId,
  }));
}

export interface DeliveryInsert {
  /** The parameter holding the rows as JSON (`$3`). */
  rows: string;
  /** The parameter holding the instant they are written and may first be sent. */
  at: string;
  /** Another FROM item the rows are joined to (an event just inserted: `event`). */
  join?: string;
  /** What the event id is taken from instead of the rows (`event.id`). */
  eventId?: string;
  /** A condition on the rows `d` (only those of tickets actually changed). */
  where?: string;
}

export function insertDeliveriesSql(insert: DeliveryInsert): string {
  return `INSERT INTO delivery (platform, destination, kind, payload, ticket_id, event_id, not_before, created_at)
    SELECT d.platform, d.destination, d.kind, d.payload, d.ticket_id, ${insert.eventId ?? 'd.event_id'}, ${insert.at}, ${insert.at}
    FROM ${insert.join ? `${insert.join}, ` : ''}json_to_recordset(${insert.rows}::json) AS d(position int, platform text, destination text,
         kind text, payload jsonb, ticket_id int, event_id bigint)
    ${insert.where ? `WHERE ${insert.where}` : ''}
    ORDER BY d.position`;
}
