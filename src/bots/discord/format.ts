import type { Translate } from '../reader';
import type { TicketSummary } from '../../core/services/ticket-queries';

/** Discord's limits: a message's text, an embed's description. */
export const MESSAGE_MAX = 2000;
export const EMBED_DESCRIPTION_MAX = 4096;

/** Discord draws `<t:…:R>` as "in 2 hours" in each reader's own time zone. */
const due = (at: Date | null, tr: Translate) =>
  at ? ` · ${tr('answers.due', { time: `<t:${Math.floor(at.getTime() / 1000)}:R>` })}` : '';

/** One ticket in a list or a search's hits, in the reader's words. */
export const ticketLine = (tr: Translate) => (t: TicketSummary) =>
  `#${t.number} · ${t.priority}${due(t.dueAt, tr)} · ${t.status} · ${t.title} — ${t.assignee ?? tr('answers.unassigned')}${t.customer ? ` (${tr('answers.forCustomer', { customer: t.customer })})` : ''}`;

/**
 * Lines joined under a heading, cut to what one message holds; what did not fit is counted so
 * nobody mistakes a cut list for the whole one.
 */
export function fitLines(lines: string[], tr: Translate, max = MESSAGE_MAX): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; i < lines.length; i++) {
    const rest = lines.length - i - 1;
    const more = rest > 0 ? `\n${tr('answers.andMore', { count: rest })}` : '';
    if (length + lines[i].length + 1 + more.length > max) {
      out.push(tr('answers.andMore', { count: lines.length - i }));
      break;
    }
    out.push(lines[i]);
    length += lines[i].length + 1;
  }
  return out.join('\n');
}
