import type { Platform } from '../core/model';
import type { RedactionResult } from '../core/services/comments';
import type { Translate } from './reader';

/**
 * What both platforms' `/helpdesk redact` answers begin and end with: what the helpdesk keeps now,
 * the bot's copies being edited on this platform, and what no bot can take back. Each adapter puts
 * in between what it can and cannot do about the message as it was written.
 */
export function redactionAnswer(
  result: RedactionResult,
  platform: Platform,
  aboutOriginal: string | null,
  tr: Translate,
): string {
  const { comment, ticket, copies } = result;
  const lines = [tr('answers.redaction.comment', { id: comment.id, number: ticket.number, body: comment.body })];
  const here = copies.filter((c) => c.platform === platform).length;
  if (here > 0) lines.push(tr('answers.redaction.copies', { count: here }));
  if (aboutOriginal) lines.push(aboutOriginal);
  lines.push(tr('answers.redaction.notificationsStay'));
  return lines.join('\n');
}
