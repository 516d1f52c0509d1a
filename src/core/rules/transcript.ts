import type { AssignHow } from '../events';
import type { CommentKind, Priority, Resolution, Ticket, TicketStatus, TicketType } from '../model';
import type { RedactablePart } from '../schemas';
import { DEFAULT_LANGUAGE, textsFor, type Language } from '../texts';
import { formatMoment, priorityLabel, resolutionLabel, statusLabel, typeLabel } from './messages';

/**
 * A ticket's record as text people read or keep: plain text or Markdown, in its reader's language
 * and time zone. Pure: given the data and the reader, the same document.
 */
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

/** Whom the transcript is for: the words in their language, the times in their time zone where known (else UTC). */
export interface TranscriptReader {
  language: Language;
  timeZone?: string;
}

export function describeEvent(
  event: TranscriptEvent,
  names: (id: unknown) => string,
  language: Language = DEFAULT_LANGUAGE,
): string | null {
  const say = textsFor(language);
  const d = event.data;
  const actor = event.actor;
  switch (event.kind) {
    case 'opened':
      return say('transcript.event.opened', { actor });
    case 'assigned': {
      const how = say(`transcript.event.how.${String(d.how) as AssignHow}`);
      return typeof d.assigneeId === 'number'
        ? say('transcript.event.assigned', { assignee: names(d.assigneeId), how })
        : say('transcript.event.unassigned', { how });
    }
    case 'waiting':
      return say('transcript.event.waiting', { tier: String(d.tier) });
    case 'status_changed': {
      const change = {
        actor,
        from: statusLabel(language, d.from as TicketStatus),
        to: statusLabel(language, d.to as TicketStatus),
      };
      return d.resolution
        ? say('transcript.event.statusChangedResolved', {
            ...change,
            resolution: resolutionLabel(language, d.resolution as Resolution),
          })
        : say('transcript.event.statusChanged', change);
    }
    case 'type_changed':
      return say('transcript.event.typeChanged', {
        actor,
        from: typeLabel(language, d.from as TicketType),
        to: typeLabel(language, d.to as TicketType),
      });
    case 'priority_changed':
      return say('transcript.event.priorityChanged', {
        actor,
        from: priorityLabel(language, d.from as Priority),
        to: priorityLabel(language, d.to as Priority),
      });
    case 'escalated':
      return say('transcript.event.escalated', { actor, from: String(d.fromTier), to: String(d.toTier) });
    case 'follow_up_opened':
      return say('transcript.event.followUpOpened', { number: String(d.followUpNumber) });
    case 'comment_redacted':
      return say('transcript.event.commentRedacted', { actor });
    case 'ticket_redacted':
      return say(`transcript.event.ticketRedacted.${d.part as RedactablePart}`, { actor });
    case 'ticket_erased':
      return say('transcript.event.ticketErased', { actor });
    default:
      return null; // comments appear as themselves; edits and deletes show on the comment
  }
}

export function renderTranscript(
  data: TranscriptData,
  format: 'text' | 'markdown',
  names: (id: unknown) => string,
  reader: TranscriptReader = { language: DEFAULT_LANGUAGE },
): string {
  const { ticket } = data;
  const { language } = reader;
  const say = textsFor(language);
  const when = (d: Date) => formatMoment({ at: d.toISOString(), precision: 'minute' }, reader.timeZone);
  const md = format === 'markdown';
  const lines: string[] = [];
  const heading = say('transcript.heading', { number: ticket.number, title: ticket.title });
  lines.push(md ? `# ${heading}` : heading);
  lines.push('');
  const status = statusLabel(language, ticket.status);
  const facts: Array<[string, string]> = [
    [say('transcript.fact.type'), typeLabel(language, ticket.type)],
    [
      say('transcript.fact.status'),
      ticket.resolution
        ? say('transcript.statusResolved', { status, resolution: resolutionLabel(language, ticket.resolution) })
        : status,
    ],
    [say('transcript.fact.priority'), priorityLabel(language, ticket.priority)],
    [say('transcript.fact.tier'), String(ticket.tier)],
    [say('transcript.fact.customer'), data.customer],
    [say('transcript.fact.assignee'), data.assignee ?? say('transcript.unassigned')],
    [say('transcript.fact.opened'), when(ticket.createdAt)],
  ];
  for (const [key, value] of facts) lines.push(md ? `- **${key}:** ${value}` : `${key}: ${value}`);
  const description = say('transcript.description');
  const conversation = say('transcript.conversation');
  lines.push(
    '',
    md ? `## ${description}` : `${description}:`,
    '',
    ticket.description,
    '',
    md ? `## ${conversation}` : `${conversation}:`,
    '',
  );

  type Entry = { at: Date; text: string };
  const entries: Entry[] = [];
  const filesLabel = say('transcript.files');
  for (const c of data.comments) {
    const marks = [
      c.kind === 'internal' ? say('transcript.mark.internal') : null,
      c.editedAt ? say('transcript.mark.edited') : null,
      c.deletedAt ? say('transcript.mark.deleted') : null,
      c.redactedAt ? say('transcript.mark.redacted') : null,
    ]
      .filter(Boolean)
      .join(', ');
    const head = `[${when(c.createdAt)}] ${c.author}${marks ? ` (${marks})` : ''}`;
    const files = c.attachments.length ? `\n${md ? `_${filesLabel}_` : filesLabel} ${c.attachments.join(', ')}` : '';
    entries.push({
      at: c.createdAt,
      text: md ? `**${head}**\n\n${quote(c.body)}${files}` : `${head}\n${indent(c.body)}${files}`,
    });
  }
  for (const e of data.events) {
    const text = describeEvent(e, names, language);
    if (text)
      entries.push({
        at: e.createdAt,
        text: md ? `_[${when(e.createdAt)}] ${text}_` : `[${when(e.createdAt)}] * ${text}`,
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
