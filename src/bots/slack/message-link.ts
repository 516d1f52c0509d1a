import type { Translate } from '../reader';
import { DEFAULT_LANGUAGE, textsFor } from '../../core/texts';
import { InvalidInputError } from '../../core/errors';
import { messageId, messageRef } from './context';

/** What `/helpdesk redact` names, in the core's terms. */
export type MessageRef = { platformMessageId: string } | { commentId: number };

// "Copy link" gives https://WORKSPACE.slack.com/archives/CHANNEL/pSECONDSMICROS, with
// ?thread_ts=…&cid=… for a reply in a thread; p1700000000123456 is the message's ts 1700000000.123456.
const LINK =
  /^https:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)*\.slack\.com\/archives\/([A-Z0-9]+)\/p(\d{10})(\d{6})\/?(?:[?#].*)?$/i;
// The adapter's own spelling, `channel:ts`, as an admin may copy it from a log.
const STORED = /^([A-Z0-9]+):(\d{10}\.\d{6})$/i;
const COMMENT_ID = /^[1-9]\d{0,11}$/;

/**
 * A message link, a stored message id or a comment id, as the core looks messages up: Slack
 * messages are stored as `channel:ts` (see messageId). Anything else is refused with what to paste.
 */
export function parseSlackMessageRef(text: string, tr: Translate = textsFor(DEFAULT_LANGUAGE)): MessageRef {
  // Slack may send a pasted link as <url> or <url|label>.
  const input = text.trim().replace(/^<([^|>]*)(?:\|[^>]*)?>$/, '$1');
  const link = LINK.exec(input);
  if (link) return { platformMessageId: messageId(link[1], `${link[2]}.${link[3]}`) };
  const stored = STORED.exec(input);
  if (stored) return { platformMessageId: messageId(stored[1], stored[2]) };
  if (COMMENT_ID.test(input)) return { commentId: Number(input) };
  throw new InvalidInputError([
    {
      field: 'message',
      problem: tr('slack.notMessageLink', { example: 'https://your-workspace.slack.com/archives/C…/p…' }),
    },
  ]);
}

/** A stored `channel:ts` as a link people can open, in the workspace the command came from. */
export function slackMessageLink(teamDomain: string, stored: string): string {
  const { channel, ts } = messageRef(stored);
  return `https://${teamDomain}.slack.com/archives/${channel}/p${ts.replace('.', '')}`;
}
