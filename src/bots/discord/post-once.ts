import { createHash } from 'node:crypto';
import { Routes, SnowflakeUtil, type REST } from 'discord.js';
import type { OutgoingDelivery } from '../../delivery/sender';

/**
 * How long after a delivery's first claim its nonce is trusted to make Discord return the earlier
 * message instead of a second one. Discord remembers a nonce for "the past few minutes"; two is on
 * the safe side of that.
 */
export const NONCE_TRUSTED_MS = 2 * 60_000;

/** How far before a first claim a look-up still searches: clocks here and at Discord differ a little. */
const CLOCK_SKEW_MS = 10_000;

interface ListedMessage {
  id: string;
  author: { id: string };
  content?: string;
  embeds?: Array<{ title?: string; description?: string }>;
}

/** What a message says: its text and its embeds' titles and texts (Discord adds fields of its own to embeds). */
export function contentHash(body: { content?: unknown; embeds?: unknown }): string {
  const embeds = Array.isArray(body.embeds)
    ? (body.embeds as Array<{ title?: string; description?: string }>).map((e) => [
        e.title ?? null,
        e.description ?? null,
      ])
    : [];
  return createHash('sha1')
    .update(JSON.stringify([typeof body.content === 'string' ? body.content : '', embeds]))
    .digest('base64url');
}

/**
 * Finds what an earlier attempt of a delivery made on Discord, for a resend past the nonce window:
 * a bot message posted since the delivery's first claim with the same content, or a ticket's
 * thread by name among the guild's active threads.
 */
export class EarlierPosts {
  private botId: Promise<string> | undefined;

  constructor(private readonly rest: REST) {}

  /** True when the nonce no longer covers this delivery and a look-up must stand in for it. */
  needsLookUp(delivery: OutgoingDelivery): boolean {
    return delivery.mayHaveBeenSent && Date.now() - delivery.firstClaimedAt.getTime() > NONCE_TRUSTED_MS;
  }

  async message(
    channelId: string,
    delivery: OutgoingDelivery,
    body: Record<string, unknown>,
    signal: AbortSignal,
  ): Promise<{ id: string } | undefined> {
    const botId = await this.botUserId(signal);
    const wanted = contentHash(body);
    let after = SnowflakeUtil.generate({
      timestamp: delivery.firstClaimedAt.getTime() - CLOCK_SKEW_MS,
    }).toString();
    for (;;) {
      const page = (await this.rest.get(Routes.channelMessages(channelId), {
        query: new URLSearchParams({ after, limit: '100' }),
        signal,
      })) as ListedMessage[];
      const found = page.find((m) => m.author.id === botId && contentHash(m) === wanted);
      if (found) return { id: found.id };
      if (page.length < 100) return undefined;
      after = page.reduce((max, m) => (BigInt(m.id) > BigInt(max) ? m.id : max), after);
    }
  }

  async thread(
    guildId: string,
    parentId: string,
    name: string,
    signal: AbortSignal,
  ): Promise<{ id: string } | undefined> {
    const botId = await this.botUserId(signal);
    const active = (await this.rest.get(Routes.guildActiveThreads(guildId), { signal })) as {
      threads: Array<{ id: string; parent_id?: string; name?: string; owner_id?: string }>;
    };
    const found = active.threads.find((t) => t.parent_id === parentId && t.name === name && t.owner_id === botId);
    return found && { id: found.id };
  }

  private botUserId(signal: AbortSignal): Promise<string> {
    this.botId ??= (this.rest.get(Routes.user('@me'), { signal }) as Promise<{ id: string }>).then((u) => u.id);
    this.botId.catch(() => (this.botId = undefined));
    return this.botId;
  }
}
