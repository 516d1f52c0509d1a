import { Client, GatewayIntentBits, Partials, REST, type RESTOptions } from 'discord.js';
import type { Settings } from '../../config';

/**
 * The discord.js client. REST retries are off and long rate-limit waits reject, so the delivery
 * dispatcher (which persists when to try again) owns retrying. Answers to interactions (webhook edits and
 * follow-ups with the interaction's token) are the exception: nothing retries them, so under a
 * burst they wait out discord.js's own global limiter (50/s) instead of being dropped. Partial messages let edits and
 * deletes of messages sent before a restart (not in the cache) still arrive.
 */
export function createDiscordClient(settings: Settings): Client {
  return new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.MessageContent,
      GatewayIntentBits.DirectMessages,
    ],
    partials: [Partials.Message, Partials.Channel],
    rest: restOptions(settings),
  });
}

/** Rate-limit waits up to this long are taken in place rather than handed back to the queue. */
const SHORT_RATE_LIMIT_WAIT_MS = 1000;

function restOptions(settings: Settings): Partial<RESTOptions> {
  return {
    ...(settings.DISCORD_API_URL ? { api: settings.DISCORD_API_URL } : {}),
    retries: 0,
    // A wait of up to a second (discord.js's own 50-a-second pacing, a bucket about to reset) is
    // taken in place: far inside a delivery's lease, and cheaper than a trip back through the queue.
    // Longer waits go back to the dispatcher, which keeps the time in the database.
    rejectOnRateLimit: (limit) =>
      !limit.route.startsWith('/webhooks/') && Math.max(limit.timeToReset, limit.retryAfter) > SHORT_RATE_LIMIT_WAIT_MS,
  };
}

/**
 * Discord's REST API without the gateway: every instance sends queued deliveries with it, while
 * only the instance holding the gateway lease logs in to receive events.
 */
export function createDiscordRest(settings: Settings): REST {
  return new REST(restOptions(settings)).setToken(settings.DISCORD_TOKEN ?? '');
}
