import type { WebClient } from '@slack/web-api';
import type { LocatedTicket } from '../../core/model';
import { messageRef, type SlackContext } from './context';
import { storeThreadMessage, type ThreadMessage } from './events/message';
import { slackPlace } from '../../core/location';

/** Tier 3 (conversations.replies): about 50 calls a minute. */
export const DEFAULT_CATCH_UP_PACE_MS = 1200;

interface TicketCatchUp {
  ticket: LocatedTicket;
  threads: Array<[channel: string, threadTs: string]>;
  /** Live messages that arrived for this ticket's threads while it waited: stored after the caught-up ones. */
  waiting: Array<{ message: ThreadMessage; stored: (ok: boolean) => void; failed: (error: unknown) => void }>;
  done: boolean;
}

/**
 * Replies written while the app was down (Slack stops retrying after a few minutes), fetched in the
 * background from each open ticket's two threads and stored like live ones: the core's
 * `channel:ts` key skips any already stored. The app answers meanwhile; a live message in a thread
 * not yet caught up waits and is stored right after the thread's missed ones (so a ticket's
 * comments keep Slack's order), and its ticket is caught up next. Calls are paced to stay within
 * Slack's rate limit, and a 429 is waited out.
 */
export class SlackCatchUp {
  private readonly byThread = new Map<string, TicketCatchUp>();
  private queue: TicketCatchUp[] = [];
  private listed: Promise<void> | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;
  private lastCallAt = 0;

  constructor(
    private readonly client: WebClient,
    private readonly ctx: SlackContext,
    private readonly paceMs = DEFAULT_CATCH_UP_PACE_MS,
  ) {}

  /** Starts catching up in the background; resolves with the number of missed messages stored. */
  start(): Promise<number> {
    this.running ??= this.run().catch((error) => {
      this.ctx.logger.error({ err: error }, 'slack catch-up failed');
      this.releaseAll();
      return 0;
    });
    return this.running;
  }

  /** The messages stored by the catch-up (0 until started). */
  finished(): Promise<number> {
    return this.running ?? Promise.resolve(0);
  }

  stop(): void {
    this.stopped = true;
  }

  /**
   * A live message in a thread: stored at once, unless its ticket is still to be caught up; then
   * after the missed ones. Resolves with what `storeThreadMessage` says (false: not a ticket's).
   */
  async storeLive(message: ThreadMessage): Promise<boolean> {
    if (this.running && this.listed) await this.listed;
    const unit = message.thread_ts ? this.byThread.get(`${message.channel}:${message.thread_ts}`) : undefined;
    if (!unit || unit.done) return storeThreadMessage(this.ctx, message);
    // Its ticket goes next.
    this.queue = [unit, ...this.queue.filter((u) => u !== unit)];
    return new Promise<boolean>((stored, failed) => unit.waiting.push({ message, stored, failed }));
  }

  private async run(): Promise<number> {
    let stored = 0;
    this.listed = this.list();
    await this.listed;
    while (!this.stopped && this.queue.length > 0) {
      const unit = this.queue.shift()!;
      stored += await this.catchUpTicket(unit);
    }
    this.releaseAll();
    return stored;
  }

  private async list(): Promise<void> {
    for (const ticket of await this.ctx.helpdesk.deliveries.openTicketsOn('slack')) {
      const place = slackPlace(ticket.location);
      const threads: TicketCatchUp['threads'] = [];
      if (place.channel && place.cardTs) threads.push([place.channel, place.cardTs]);
      if (place.dmChannel && place.dmThreadTs) threads.push([place.dmChannel, place.dmThreadTs]);
      if (threads.length === 0) continue;
      const unit: TicketCatchUp = { ticket, threads, waiting: [], done: false };
      for (const [channel, ts] of threads) this.byThread.set(`${channel}:${ts}`, unit);
      this.queue.push(unit);
    }
  }

  private async catchUpTicket(unit: TicketCatchUp): Promise<number> {
    let stored = 0;
    try {
      const last = await this.ctx.helpdesk.deliveries.lastMessageId(unit.ticket.id, 'slack');
      const oldest = last ? messageRef(last).ts : undefined;
      const missed: ThreadMessage[] = [];
      for (const [channel, ts] of unit.threads) {
        try {
          missed.push(...(await this.fetchThread(channel, ts, oldest)));
        } catch (error) {
          this.ctx.logger.warn(
            { err: error, ticket: unit.ticket.number, channel },
            'could not fetch missed slack replies',
          );
        }
      }
      // Both sides of the ticket in Slack's order, so its comments read as they were written.
      for (const message of missed.sort(byTs)) if (await storeThreadMessage(this.ctx, message)) stored++;
    } finally {
      unit.done = true;
      await this.flush(unit);
    }
    return stored;
  }

  private async fetchThread(channel: string, threadTs: string, oldest: string | undefined): Promise<ThreadMessage[]> {
    const messages: ThreadMessage[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.paced(() =>
        this.client.conversations.replies({
          channel,
          ts: threadTs,
          ...(oldest ? { oldest } : {}),
          ...(cursor ? { cursor } : {}),
          limit: 200,
        }),
      );
      for (const message of (page.messages ?? []) as ThreadMessage[])
        messages.push({ ...message, channel, thread_ts: message.thread_ts ?? threadTs });
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor && !this.stopped);
    return messages;
  }

  /** One call at most every `paceMs`; a 429 waits its Retry-After and tries again. */
  private async paced<T>(call: () => Promise<T>): Promise<T> {
    for (;;) {
      const wait = this.lastCallAt + this.paceMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      this.lastCallAt = Date.now();
      try {
        return await call();
      } catch (error) {
        const e = error as { code?: string; retryAfter?: number };
        if (e.code !== 'slack_webapi_rate_limited_error' || this.stopped) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.max(1, e.retryAfter ?? 1) * 1000));
      }
    }
  }

  /** The live messages that waited for this ticket, in Slack's order, after its missed ones. */
  private async flush(unit: TicketCatchUp): Promise<void> {
    const waiting = unit.waiting.splice(0).sort((a, b) => byTs(a.message, b.message));
    for (const { message, stored, failed } of waiting) {
      try {
        stored(await storeThreadMessage(this.ctx, message));
      } catch (error) {
        failed(error);
      }
    }
  }

  /** Stopped or failed: whatever still waits is stored now rather than never. */
  private releaseAll(): void {
    for (const unit of new Set(this.byThread.values())) {
      if (unit.done) continue;
      unit.done = true;
      void this.flush(unit);
    }
  }
}

function byTs(a: { ts: string }, b: { ts: string }): number {
  return Number(a.ts) - Number(b.ts);
}
