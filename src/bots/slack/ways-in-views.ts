import { textsFor } from '../../core/texts';
import { escapeMrkdwn } from './mrkdwn';
import { fitText } from '../../core/rules/fit';
import { SECTION_MAX } from './blocks';

/** A modal that only says why not (a shortcut has no channel the app can surely answer in, but always a trigger). */
export function refusalView(language: string, reason: string) {
  const say = textsFor(language);
  return {
    type: 'modal' as const,
    title: { type: 'plain_text' as const, text: say('waysIn.refusedTitle') },
    close: { type: 'plain_text' as const, text: say('waysIn.cancel') },
    blocks: [{ type: 'section' as const, text: { type: 'plain_text' as const, text: fitText(reason, SECTION_MAX) } }],
  };
}

export const REACTION_TICKET_OPEN = 'reaction_ticket_open';
export const REACTION_TICKET_CANCEL = 'reaction_ticket_cancel';

/** Where the message asked about is, carried by the Open and Cancel buttons. */
export interface ReactedAt {
  channel: string;
  ts: string;
}

export function readReactedAt(value: string | undefined): ReactedAt | null {
  try {
    const parsed = JSON.parse(value ?? '') as Partial<ReactedAt>;
    return typeof parsed.channel === 'string' && typeof parsed.ts === 'string'
      ? { channel: parsed.channel, ts: parsed.ts }
      : null;
  } catch {
    return null;
  }
}

/** "Open a ticket with this message?" with the message quoted, and Open / Cancel. */
export function confirmBlocks(language: string, at: ReactedAt, quote: string, forAuthor: string | null) {
  const say = textsFor(language);
  const question = forAuthor ? say('waysIn.confirmOpenFor', { author: `<@${forAuthor}>` }) : say('waysIn.confirmOpen');
  const quoted = escapeMrkdwn([...quote].slice(0, 500).join(''))
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
  const value = JSON.stringify(at);
  return {
    text: question,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: fitText(`${question}\n${quoted}`, SECTION_MAX) } },
      {
        type: 'actions',
        block_id: 'reaction_ticket',
        elements: [
          {
            type: 'button',
            action_id: REACTION_TICKET_OPEN,
            style: 'primary',
            text: { type: 'plain_text', text: say('waysIn.open') },
            value,
          },
          {
            type: 'button',
            action_id: REACTION_TICKET_CANCEL,
            text: { type: 'plain_text', text: say('waysIn.cancel') },
            value,
          },
        ],
      },
    ],
  };
}
