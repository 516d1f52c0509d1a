import { Client, GatewayIntentBits, Partials, REST, type RESTOptions } from 'discord.js';
import type { Settings } from '../../config';

/**
 * The discord.js client. REST retries are off and rate limits reject, so the delivery dispatcher
 * (which persists when to try again) owns all retrying. Answers to interactions (webhook edits and
 * follow-ups with the interaction's token) are the exception: nothing retries them, so under a
 * burst they wait out discord.js's own global limiter (50/s) instead of being dropped. Partial messages let edits and
 * deletes of messages sent before a restart (not in the cache) still arrive.
 */
export function createDiscordClient(settings: Settings): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.DirectMessages],
    partials: [Partials.Message, Partials.Channel],
    rest: restOptions(settings),
  });
}

function restOptions(settings: Settings): Partial<RESTOptions> {
  return { ...(settings.DISCORD_API_URL ? { api: settings.DISCORD_API_URL } : {}), retries: 0, rejectOnRateLimit: (limit) => !limit.route.startsWith('/webhooks/') };
}

/**
 * Discord's REST API without the gateway: every instance sends queued deliveries with it, while
 * only the instance holding the gateway lease logs in to receive events.
 */
export function createDiscordRest(settings: Settings): REST {
  return new REST(restOptions(settings)).setToken(settings.DISCORD_TOKEN ?? '');
}
