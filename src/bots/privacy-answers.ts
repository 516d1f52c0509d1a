import type { IdentityRef } from '../core/model';
import { InvalidInputError } from '../core/errors';
import type { Platform } from '../core/model';
import type { ErasurePreview, ErasureResult, TicketRedactionResult } from '../core/services/privacy';
import { DEFAULT_LANGUAGE, textsFor } from '../core/texts';
import type { Translate } from './reader';

/**
 * A person named for `/helpdesk forget` or `export`: a mention (`<@123>`, `<@U123|name>`), or a
 * platform id, so someone no longer on the server or workspace can be named too: `discord:123`,
 * `slack:U123`, or a bare id of this platform.
 */
export function parsePersonId(text: string, here: Platform, tr: Translate = textsFor(DEFAULT_LANGUAGE)): IdentityRef {
  const input = text.trim();
  const mention = /^<@!?([A-Za-z0-9]+)(?:\|[^>]*)?>$/.exec(input);
  if (mention) return { platform: here, userId: mention[1] };
  const prefixed = /^(discord|slack):([A-Za-z0-9]+)$/i.exec(input);
  if (prefixed) return { platform: prefixed[1].toLowerCase() as Platform, userId: prefixed[2] };
  if (/^[A-Za-z0-9]{5,32}$/.test(input)) return { platform: here, userId: input };
  throw new InvalidInputError([
    {
      field: 'person',
      problem: tr('answers.erasure.personId', { examples: 'discord:123456789012345678, slack:U0123456789' }),
    },
  ]);
}

const who = (ref: IdentityRef, tr: Translate) =>
  tr('answers.erasure.platformUser', { platform: ref.platform, id: ref.userId });

/** The question before an erasure: whom, how much, and that it cannot be undone. */
export function erasureQuestion(preview: ErasurePreview, tr: Translate): string {
  const name = preview.displayName || who(preview.identities[0], tr);
  const identities = preview.identities.map((ref) => who(ref, tr)).join(', ') || tr('answers.erasure.noIdentity');
  return [
    tr('answers.erasure.question', { name, identities }),
    tr('answers.erasure.what', {
      placeholder: preview.placeholder,
      tickets: preview.ticketsAsCustomer,
      comments: preview.comments,
      open: preview.openTickets,
    }),
    tr('answers.erasure.cannotUndo', { command: '`/helpdesk export`' }),
  ].join('\n');
}

const numbers = (list: number[]) => list.map((n) => `#${n}`).join(', ');

/** What an erasure did, and what of it the platforms keep (said by each platform's rules, both named). */
export function erasureAnswer(result: ErasureResult, tr: Translate): string {
  const lines = [
    tr('answers.erasure.done', {
      placeholder: result.placeholder,
      comments: result.comments,
      files: result.files,
      tickets:
        result.ticketNumbers.length > 0
          ? tr('answers.erasure.doneTickets', { numbers: numbers(result.ticketNumbers) })
          : '',
      closed:
        result.closedNumbers.length > 0
          ? tr('answers.erasure.doneClosed', { numbers: numbers(result.closedNumbers) })
          : '',
    }),
  ];
  if (result.ticketsOn.discord.length > 0)
    lines.push(tr('answers.erasure.discord', { numbers: numbers(result.ticketsOn.discord) }));
  if (result.ticketsOn.slack.length > 0)
    lines.push(tr('answers.erasure.slack', { numbers: numbers(result.ticketsOn.slack) }));
  if (result.commentsElsewhere > 0) lines.push(tr('answers.erasure.elsewhere', { count: result.commentsElsewhere }));
  lines.push(tr('answers.erasure.directMessages'));
  return lines.join('\n');
}

/** What a ticket's redaction did, and what no bot can reach. */
export function ticketRedactionAnswer(result: TicketRedactionResult, tr: Translate): string {
  const lines = [
    tr('answers.redaction.ticket', {
      part: tr(`answers.redaction.part.${result.part}`),
      number: result.ticket.number,
      replacement: result.replacement,
    }),
  ];
  if (result.platformCopies)
    lines.push(tr(result.part === 'title' ? 'answers.redaction.redrawCardAndThread' : 'answers.redaction.redrawCard'));
  else lines.push(tr('answers.redaction.ratingNotPosted'));
  if (result.part !== 'rating') lines.push(tr('answers.redaction.cannotTakeBack'));
  return lines.join('\n');
}
