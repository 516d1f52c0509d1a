import type { CommentKind, Ticket } from '../model';
import { RESOLUTION_LABEL, TYPE_LABEL } from './messages';

/** A ticket's record as text people read or keep: plain text or Markdown. Pure: given the data, the same document. */
export interface TranscriptComment {
  id: number;
  kind: CommentKind;
  author: string;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  redactedAt: Date | null;
  attachments: string[];
}

export interface TranscriptEvent {
  kind: string;
  actor: string;
  data: Record<string, unknown>;
  createdAt: Date;
}

export interface TranscriptData {
  ticket: Ticket;
  customer: string;
  assignee: string | null;
  comments: TranscriptComment[];
  events: TranscriptEvent[];
}

const iso = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

export function describeEvent(event: TranscriptEvent, names: (id: unknown) => string): string | null {
  const d = event.data;
  switch (event.kind) {
    case 'opened':
      return `${event.actor} opened the ticket`;
    case 'assigned':
      return `assigned to ${names(d.assigneeId)} (${String(d.how)})`;
    case 'waiting':
      return `waiting in the tier-${String(d.tier)} queue: no supporter available`;
    case 'status_changed':
      return `${event.actor}: ${String(d.from)} → ${String(d.to)}${d.resolution ? ` (${RESOLUTION_LABEL[d.resolution as keyof typeof RESOLUTION_LABEL]})` : ''}`;
    case 'type_changed':
    case 'priority_changed':
      return `${event.actor} changed ${event.kind === 'type_changed' ? 'type' : 'priority'}: ${String(d.from)} → ${String(d.to)}`;
    case 'escalated':
      return `${event.actor} escalated: tier ${String(d.fromTier)} → tier ${String(d.toTier)}`;
    case 'follow_up_opened':
      return `a follow-up ticket #${String(d.followUpNumber)} was opened`;
    case 'comment_redacted':
      return `${event.actor} redacted a comment`;
    case 'ticket_redacted':
      return `${event.actor} redacted the ticket's ${d.part === 'rating' ? "rating's comment" : String(d.part)}`;
    case 'ticket_erased':
      return `${event.actor} erased the customer's data`;
    default:
      return null; // comments appear as themselves; edits and deletes show on the comment
  }
}

export function renderTranscript(
  data: TranscriptData,
  format: 'text' | 'markdown',
  names: (id: unknown) => string,
): string {
  const { ticket } = data;
  const md = format === 'markdown';
  const lines: string[] = [];
  lines.push(md ? `# Ticket #${ticket.number}: ${ticket.title}` : `Ticket #${ticket.number}: ${ticket.title}`);
  lines.push('');
  const facts: Array<[string, string]> = [
    ['Type', TYPE_LABEL[ticket.type]],
    ['Status', ticket.status + (ticket.resolution ? ` (${RESOLUTION_LABEL[ticket.resolution]})` : '')],
    ['Priority', ticket.priority],
    ['Tier', String(ticket.tier)],
    ['Customer', data.customer],
    ['Assignee', data.assignee ?? 'unassigned'],
    ['Opened', iso(ticket.createdAt)],
  ];
  for (const [key, value] of facts) lines.push(md ? `- **${key}:** ${value}` : `${key}: ${value}`);
  lines.push(
    '',
    md ? '## Description' : 'Description:',
    '',
    ticket.description,
    '',
    md ? '## Conversation' : 'Conversation:',
    '',
  );

  type Entry = { at: Date; text: string };
  const entries: Entry[] = [];
  for (const c of data.comments) {
    const marks = [
      c.kind === 'internal' ? 'internal note' : null,
      c.editedAt ? 'edited' : null,
      c.deletedAt ? 'deleted' : null,
      c.redactedAt ? 'redacted' : null,
    ]
      .filter(Boolean)
      .join(', ');
    const head = `[${iso(c.createdAt)}] ${c.author}${marks ? ` (${marks})` : ''}`;
    const files = c.attachments.length ? `\n${md ? '_Files:_' : 'Files:'} ${c.attachments.join(', ')}` : '';
    entries.push({
      at: c.createdAt,
      text: md ? `**${head}**\n\n${quote(c.body)}${files}` : `${head}\n${indent(c.body)}${files}`,
    });
  }
  for (const e of data.events) {
    const text = describeEvent(e, names);
    if (text)
      entries.push({
        at: e.createdAt,
        text: md ? `_[${iso(e.createdAt)}] ${text}_` : `[${iso(e.createdAt)}] * ${text}`,
      });
  }
  entries.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const entry of entries) lines.push(entry.text, '');
  return lines.join('\n');
}

const quote = (body: string) =>
  body
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
const indent = (body: string) =>
  body
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
