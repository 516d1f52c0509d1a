import type { Translate } from '../reader';
import { DEFAULT_LANGUAGE, textsFor } from '../../core/texts';
import { InvalidInputError } from '../../core/errors';

/** What `/helpdesk redact message:` names, in the core's terms. */
export type MessageRef = { platformMessageId: string } | { commentId: number };

// "Copy Message Link" gives https://discord.com/channels/GUILD/CHANNEL/MESSAGE (ptb., canary. and
// the old discordapp.com too); a DM's link has @me for the guild.
const LINK =
  /^https?:\/\/(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/channels\/(?:\d{15,21}|@me)\/\d{15,21}\/(\d{15,21})\/?(?:[?#].*)?$/i;
// Snowflakes have had 17 digits or more since 2015; the helpdesk's comment ids stay far shorter.
const SNOWFLAKE = /^\d{17,21}$/;
const COMMENT_ID = /^[1-9]\d{0,11}$/;

/**
 * A message link, a bare message id (Developer Mode's "Copy Message ID"), or a comment id. The
 * message id is what the adapter stores for a message (the channel is not part of it). Anything
 * else is refused with what to paste instead.
 */
export function parseMessageRef(text: string, tr: Translate = textsFor(DEFAULT_LANGUAGE)): MessageRef {
  // Discord keeps <…> around a link pasted to suppress its embed.
  const input = text.trim().replace(/^<(.*)>$/, '$1');
  const link = LINK.exec(input);
  if (link) return { platformMessageId: link[1] };
  if (SNOWFLAKE.test(input)) return { platformMessageId: input };
  if (COMMENT_ID.test(input)) return { commentId: Number(input) };
  throw new InvalidInputError([
    {
      field: 'message',
      problem: tr('discord.notMessageLink', { example: 'https://discord.com/channels/…/…/…' }),
    },
  ]);
}
