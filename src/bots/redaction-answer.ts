import type { Platform } from '../core/model';
import type { RedactionResult } from '../core/services/comments';

/**
 * What both platforms' `/helpdesk redact` answers begin and end with: what the helpdesk keeps now,
 * the bot's copies being edited on this platform, and what no bot can take back. Each adapter puts
 * in between what it can and cannot do about the message as it was written.
 */
export function redactionAnswer(result: RedactionResult, platform: Platform, aboutOriginal: string | null): string {
  const { comment, ticket, copies } = result;
  const lines = [
    `Redacted comment ${comment.id} in ticket #${ticket.number}: the helpdesk now keeps only "${comment.body}" (earlier versions and files included).`,
  ];
  const here = copies.filter((c) => c.platform === platform).length;
  if (here > 0)
    lines.push(`The bot is editing its ${here === 1 ? 'copy' : `${here} copies`} of it to the replacement.`);
  if (aboutOriginal) lines.push(aboutOriginal);
  lines.push('Notifications people already saw cannot be taken back.');
  return lines.join('\n');
}
