import type { TicketSummary } from '../../core/services/ticket-queries';

/** Discord's limits: a message's text, an embed's description. */
export const MESSAGE_MAX = 2000;
export const EMBED_DESCRIPTION_MAX = 4096;

/** Discord draws `<t:…:R>` as "in 2 hours" in each reader's own time zone. */
const due = (at: Date | null) => (at ? ` · due <t:${Math.floor(at.getTime() / 1000)}:R>` : '');

export const ticketLine = (t: TicketSummary) =>
  `#${t.number} · ${t.priority}${due(t.dueAt)} · ${t.status} · ${t.title} — ${t.assignee ?? 'unassigned'}${t.customer ? ` (for ${t.customer})` : ''}`;

/**
 * Lines joined under a heading, cut to what one message holds; what did not fit is counted so
 * nobody mistakes a cut list for the whole one.
 */
export function fitLines(lines: string[], max = MESSAGE_MAX): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; i < lines.length; i++) {
    const rest = lines.length - i - 1;
    const more = rest > 0 ? `\n… and ${rest} more` : '';
    if (length + lines[i].length + 1 + more.length > max) {
      out.push(`… and ${lines.length - i} more`);
      break;
    }
    out.push(lines[i]);
    length += lines[i].length + 1;
  }
  return out.join('\n');
}
