import type { App } from '@slack/bolt';
import type { Settings } from '../../config';
import type { Helpdesk } from '../../core/helpdesk';
import { isHelpdeskError, type FieldProblem } from '../../core/errors';
import type { ActorRef } from '../../core/services/people';
import type { Logger } from '../../log';
import { DEFAULT_LANGUAGE, textsFor, type Language } from '../../core/texts';
import { sayWith } from '../../core/rules/messages';
import { readerTexts, type Translate } from '../reader';
import type { AckFirst } from '../ack-first';
import { escapeMrkdwn } from './mrkdwn';
import type { ThreadMessage } from './events/message';
import type { SlackTimeZones } from './time-zones';

/** What every listener gets: the core, the settings, a logger, and the answers-first gate. Listeners hold no state of their own. */
export interface SlackContext {
  helpdesk: Helpdesk;
  settings: Settings;
  logger: Logger;
  /** Follow-up work (after `ack()`) waits on `ackFirst.answered()` so a burst's answers go out first. */
  ackFirst: AckFirst;
  /** Each Slack user's time zone (their profile's), for the dates and times written for them. */
  timeZones: SlackTimeZones;
  /** Stores a live thread message, after the missed ones while its ticket is still being caught up (see SlackCatchUp). */
  storeLive?: (message: ThreadMessage) => Promise<boolean>;
}

/** The person behind a Slack user id, as the core names them. */
export function slackActor(userId: string, displayName?: string): ActorRef {
  return displayName ? { platform: 'slack', userId, displayName } : { platform: 'slack', userId };
}

const MENTION_MAX = 200;
const MENTION = /^<@([A-Z0-9]{1,32})(?:\|([^<>|]{1,100}))?>/i;

/**
 * Slack writes a mention as `<@U123|name>` or `<@U123>`; both name the same person. The name in a
 * mention is a handle someone typed, not the person's display name: it names a person only while
 * the helpdesk knows no name for them, and never renames anyone.
 */
export function parseMention(text: string): ActorRef | null {
  // The mention opens the text: only its first characters are read, with a pattern anchored there.
  const match = MENTION.exec(text.trimStart().slice(0, MENTION_MAX));
  if (!match) return null;
  return match[2] ? { platform: 'slack', userId: match[1], nameIfUnknown: match[2] } : slackActor(match[1]);
}

/** A message is stored as `channel:ts`: a DM message and its mirrored copy have different ts in different channels. */
export const messageId = (channel: string, ts: string) => `${channel}:${ts}`;

/** The channel and ts of a stored `channel:ts` (see messageId). */
export function messageRef(stored: string): { channel: string; ts: string } {
  const at = stored.indexOf(':');
  return { channel: stored.slice(0, at), ts: stored.slice(at + 1) };
}

/** A form field's problem as its inline error, in the reader's language (Slack shows it as plain text). */
export function problemText(problem: FieldProblem, tr: Translate): string {
  return problem.text ? sayWith(tr, problem.text) : problem.problem;
}

/** A helpdesk error is meant for the person; anything else is ours and is logged, not shown. */
export function readableError(error: unknown, logger: Logger, tr: Translate = textsFor(DEFAULT_LANGUAGE)): string {
  // The core's words are plain text and may quote a title or a name.
  if (isHelpdeskError(error)) return escapeMrkdwn(error.text ? sayWith(tr, error.text) : error.message);
  logger.error({ err: error }, 'slack listener failed');
  return tr('answers.somethingWrong');
}

/** A private answer in a channel (ephemeral), in a thread when there is one. */
export async function tellPrivately(
  app: App,
  where: { channel: string; user: string; threadTs?: string },
  text: string,
): Promise<void> {
  await app.client.chat.postEphemeral({
    channel: where.channel,
    user: where.user,
    text,
    ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
  });
}

/** The texts in the language of the Slack user `userId` (their choice, else `HELPDESK_LANGUAGE`). */
export function textsOf(ctx: Pick<SlackContext, 'helpdesk' | 'settings'>, userId: string): Promise<Translate> {
  return readerTexts(ctx.helpdesk, ctx.settings.HELPDESK_LANGUAGE, slackActor(userId));
}

/** The language of the Slack user `userId` (their choice, else `HELPDESK_LANGUAGE`); the helpdesk's when it cannot be read. */
export function languageOfUser(ctx: Pick<SlackContext, 'helpdesk' | 'settings'>, userId: string): Promise<Language> {
  return ctx.helpdesk.languages.of(slackActor(userId)).catch(() => ctx.settings.HELPDESK_LANGUAGE);
}
