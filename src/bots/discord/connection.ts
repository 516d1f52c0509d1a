import { Routes, type REST } from 'discord.js';
import { PlatformUnreachableError } from '../adapter-state';
import { StartupError } from '../../startup-error';

/** What a failed Discord call means at start-up: a refused DISCORD_TOKEN (fatal), an unreachable Discord (retry), or neither. */
export function discordConnectionError(error: unknown): unknown {
  const status = (error as { status?: number })?.status;
  if (status === 401)
    return new StartupError(
      'DISCORD_TOKEN',
      'Discord refused the bot token (401 Unauthorized): reset it under Bot at discord.com/developers/applications and set DISCORD_TOKEN to the new one',
    );
  // The gateway's close 4014: no retry will help until someone turns the intent on in the portal.
  if (
    (error as { code?: unknown })?.code === 'DisallowedIntents' ||
    /disallowed intents/i.test(String((error as Error)?.message))
  )
    return new StartupError(
      'DISCORD_TOKEN',
      "Discord refused the bot's intents (gateway close 4014, disallowed intents): turn on Message Content Intent under Bot at discord.com/developers/applications for this bot's application, then start again",
    );
  if (status === undefined || status === 429 || status >= 500) return new PlatformUnreachableError('Discord', error);
  return error;
}

/** `GET /users/@me` with the bot token: every instance makes it, whether or not it will hold the gateway. */
export async function checkDiscordToken(rest: REST): Promise<void> {
  try {
    await rest.get(Routes.user('@me'));
  } catch (error) {
    throw discordConnectionError(error);
  }
}
