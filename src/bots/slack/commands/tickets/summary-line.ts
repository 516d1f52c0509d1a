import type { TicketSummary } from '../../../../core/services/ticket-queries';
import type { Translate } from '../../../reader';
import { slackTime } from '../../blocks';
import { escapeMrkdwn } from '../../mrkdwn';

/** One ticket in a list or a search's hits: the number and title, then the facts in the reader's words. */
export const summaryLine = (tr: Translate) => (t: TicketSummary) => {
  const facts = tr('answers.ticketLine', {
    type: t.type,
    status: t.status,
    priority: t.priority,
    assignee: escapeMrkdwn(t.assignee ?? tr('answers.unassigned')),
  });
  const due =
    t.dueAt && t.status !== 'resolved' ? ` · ${tr('answers.due', { time: slackTime(new Date(t.dueAt)) })}` : '';
  return `#${t.number} ${escapeMrkdwn(t.title)} · ${facts}${due}`;
};
