import { ErrorCode, type WebClient } from '@slack/web-api';
import type { Sender } from '../../delivery/sender';
import { PlatformUnreachableError, type AdapterHealth } from '../adapter-state';
import { StartupError } from '../../startup-error';
import { SlackApiError } from './api-errors';

/** Slack's answers that mean "this token is not one I accept", as opposed to "try again". */
const REFUSALS = new Set<string>([
  SlackApiError.InvalidAuth,
  SlackApiError.NotAuthed,
  SlackApiError.AccountInactive,
  SlackApiError.TokenRevoked,
  SlackApiError.TokenExpired,
  SlackApiError.NoPermission,
  SlackApiError.TeamDisabled,
  SlackApiError.UserRemovedFromTeam,
  SlackApiError.NotAllowedTokenType,
]);

/** Slack's `error` string when the call reached Slack and Slack said no. */
function platformError(error: unknown): string | undefined {
  const e = error as { code?: string; data?: { error?: string } };
  return e?.code === ErrorCode.PlatformError ? e.data?.error : undefined;
}

/**
 * The bot's identity from `auth.test`. A refused SLACK_BOT_TOKEN is a StartupError; no answer
 * (network, Slack down) is a PlatformUnreachableError, to retry.
 */
export async function checkBotToken(client: WebClient): Promise<{ botId: string; botUserId: string }> {
  let answer;
  try {
    answer = await client.auth.test();
  } catch (error) {
    const refusal = platformError(error);
    if (refusal && REFUSALS.has(refusal))
      throw new StartupError(
        'SLACK_BOT_TOKEN',
        `Slack refused the bot token (${refusal}): copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions, after installing the app to the workspace`,
      );
    throw new PlatformUnreachableError('Slack', error);
  }
  return { botId: String(answer.bot_id ?? ''), botUserId: String(answer.user_id ?? '') };
}

/** What a failed Socket Mode connection means: a refused SLACK_APP_TOKEN (fatal) or an unreachable Slack (retry). */
export function socketModeError(error: unknown): StartupError | PlatformUnreachableError {
  const refusal = platformError(error);
  if (refusal && REFUSALS.has(refusal))
    return new StartupError(
      'SLACK_APP_TOKEN',
      `Slack refused the app-level token (${refusal}): create one under Basic Information → App-Level Tokens with connections:write (xapp-…), or leave SLACK_APP_TOKEN empty for HTTP events`,
    );
  return new PlatformUnreachableError('Slack (Socket Mode)', error);
}

/** `apps.connections.open` with the app-level token: what Socket Mode's client asks first (the URL it gives expires unused). */
export async function checkAppToken(client: WebClient): Promise<void> {
  try {
    await client.apps.connections.open();
  } catch (error) {
    throw socketModeError(error);
  }
}

/** Whether an error (or one it wraps) is the Web API not answering at all, rather than answering no. */
export function isSlackUnreachable(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (e.code === ErrorCode.RequestError) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/**
 * HTTP mode holds no connection to watch, so the sends tell: one that cannot reach Slack marks the
 * adapter down, the next that goes through (once `ready`) marks it connected again. The delivery
 * queue retries the delivery itself, with its own back-off.
 */
export function reachabilityFromSends(sender: Sender, status: AdapterHealth, ready: () => boolean): Sender {
  return {
    platform: sender.platform,
    async send(delivery, options) {
      try {
        await sender.send(delivery, options);
      } catch (error) {
        if (isSlackUnreachable(error)) status.set('down', 'Slack could not be reached from a delivery');
        throw error;
      }
      if (status.state === 'down' && ready()) status.set('connected');
    },
  };
}
