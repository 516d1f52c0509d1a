import type { TicketSummary } from '../../../../core/services/ticket-queries';
import { dueNote } from '../../blocks';
import { escapeMrkdwn } from '../../mrkdwn';

/** One ticket in a list or a search's hits. */
export const summaryLine = (t: TicketSummary) =>
  `#${t.number} ${escapeMrkdwn(t.title)} · ${t.type} · ${t.status} · ${t.priority} · ${escapeMrkdwn(t.assignee ?? 'unassigned')}${dueNote(t)}`;
