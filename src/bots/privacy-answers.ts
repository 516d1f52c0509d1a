import type { IdentityRef } from '../core/model';
import { InvalidInputError } from '../core/errors';
import type { Platform } from '../core/model';
import type { ErasurePreview, ErasureResult, TicketRedactionResult } from '../core/services/privacy';

/**
 * A person named for `/helpdesk forget` or `export`: a mention (`<@123>`, `<@U123|name>`), or a
 * platform id, so someone no longer on the server or workspace can be named too: `discord:123`,
 * `slack:U123`, or a bare id of this platform.
 */
export function parsePersonId(text: string, here: Platform): IdentityRef {
  const input = text.trim();
  const mention = /^<@!?([A-Za-z0-9]+)(?:\|[^>]*)?>$/.exec(input);
  if (mention) return { platform: here, userId: mention[1] };
  const prefixed = /^(discord|slack):([A-Za-z0-9]+)$/i.exec(input);
  if (prefixed) return { platform: prefixed[1].toLowerCase() as Platform, userId: prefixed[2] };
  if (/^[A-Za-z0-9]{5,32}$/.test(input)) return { platform: here, userId: input };
  throw new InvalidInputError([
    {
      field: 'person',
      problem: 'name the person with a mention, or by their id: discord:123456789012345678 or slack:U0123456789',
    },
  ]);
}

const who = (ref: IdentityRef) => `${ref.platform} user ${ref.userId}`;

/** The question before an erasure: whom, how much, and that it cannot be undone. */
export function erasureQuestion(preview: ErasurePreview): string {
  const name = preview.displayName || who(preview.identities[0]);
  return [
    `Erase ${name} (${preview.identities.map(who).join(', ') || 'no identity left'})?`,
    `Their name and identities become "Erased person ${preview.personId}"; everything said in their ${preview.ticketsAsCustomer} ticket(s) and everything they wrote (${preview.comments} comment(s)) is replaced and their files deleted; ${preview.openTickets} open ticket(s) are resolved; their staff role and link codes go. Ticket numbers and figures stay.`,
    'This cannot be undone. Export their data first if they asked for it (`/helpdesk export`).',
  ].join('\n');
}

const numbers = (list: number[]) => list.map((n) => `#${n}`).join(', ');

/** What an erasure did, and what of it the platforms keep (said by each platform's rules, both named). */
export function erasureAnswer(result: ErasureResult): string {
  const lines = [
    `Erased: they are now "${result.placeholder}". ${result.comments} comment(s) and ${result.files} file(s) are gone from the helpdesk` +
      (result.ticketNumbers.length > 0
        ? `; their tickets ${numbers(result.ticketNumbers)} keep only their numbers and figures`
        : '') +
      (result.closedNumbers.length > 0 ? `; ${numbers(result.closedNumbers)} resolved (staff were told)` : '') +
      '.',
  ];
  if (result.ticketsOn.discord.length > 0)
    lines.push(
      `Discord: the bot deletes the threads of ${numbers(result.ticketsOn.discord)} (their messages with them) and its queue posts; it needs Manage Threads there.`,
    );
  if (result.ticketsOn.slack.length > 0)
    lines.push(
      `Slack: the bot deletes its own posts for ${numbers(result.ticketsOn.slack)} (the cards and everything it posted in their threads). Slack lets no app delete a person's messages: what people wrote in those threads stays until a workspace admin deletes it.`,
    );
  if (result.commentsElsewhere > 0)
    lines.push(
      `${result.commentsElsewhere} comment(s) they wrote in other tickets are redacted: the bot edits its copies, and deletes the originals on Discord.`,
    );
  lines.push(
    "The bot deletes what it said in their direct messages with it. Notifications people already saw elsewhere (staff's direct messages about these tickets) cannot be taken back from here.",
  );
  return lines.join('\n');
}

/** What a ticket's redaction did, and what no bot can reach. */
export function ticketRedactionAnswer(result: TicketRedactionResult): string {
  const what = result.part === 'rating' ? 'rating comment' : result.part;
  const lines = [
    `Redacted the ${what} of ticket #${result.ticket.number}: the helpdesk now keeps only "${result.replacement}" there, in its history and in every message it kept.`,
  ];
  if (result.platformCopies)
    lines.push(`The bot is redrawing the ticket's card${result.part === 'title' ? ' and thread name' : ''} with it.`);
  else lines.push('A rating comment is never posted in chat: nothing to take off the platforms.');
  if (result.part !== 'rating')
    lines.push(
      'Notifications people already saw cannot be taken back, nor a message a ticket was opened from (its author or an admin can delete it).',
    );
  return lines.join('\n');
}
