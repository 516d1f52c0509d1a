import { DELIVERY_EVENT } from '../src/bots/slack/post-once';
import type { StoredMessage } from '../src/simulator/slack/web-api';
import { STAFF, SUPPORT_CHANNEL, type AppProcess, type World } from './world';

export interface Submission {
  user: string;
  /** Unique in the run, so the ticket and its cards can be found by it. */
  title: string;
  acknowledged: boolean;
}

/** The /ticket form as Slack submits it, filled in by `user`. */
function ticketForm(user: string, title: string) {
  const select = (value: string) => ({
    type: 'static_select',
    selected_option: { value, text: { type: 'plain_text', text: value } },
  });
  return {
    type: 'view_submission',
    user: { id: user, name: user.toLowerCase(), username: user.toLowerCase(), team_id: 'T1' },
    trigger_id: `trigger-${user}`,
    view: {
      id: `V${user}`,
      type: 'modal',
      callback_id: 'ticket_form',
      private_metadata: '{}',
      hash: 'h',
      team_id: 'T1',
      app_id: 'A1',
      bot_id: 'BBOT',
      state: {
        values: {
          title: { value: { type: 'plain_text_input', value: title } },
          description: { value: { type: 'plain_text_input', value: `Reported in the fault suite: ${title}` } },
          type: { value: select('incident') },
          impact: { value: select('team') },
          urgency: { value: select('degraded') },
        },
      },
    },
  };
}

/** A ticket form submitted by `user`; false when the app did not answer 200. */
export async function submitTicket(app: AppProcess, user: string, title: string): Promise<Submission> {
  try {
    const response = await app.signer.interaction(ticketForm(user, title));
    await response.arrayBuffer();
    return { user, title, acknowledged: response.status === 200 };
  } catch {
    return { user, title, acknowledged: false };
  }
}

/** `count` submissions by distinct customers, spread over `overMs`, round robin over the apps. */
export async function submitMany(
  apps: AppProcess[],
  prefix: string,
  count: number,
  overMs: number,
): Promise<Submission[]> {
  const started = Date.now();
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const at = started + (overMs * i) / count;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
      const tag = `${prefix}-${String(i).padStart(4, '0')}`;
      return submitTicket(apps[i % apps.length], `U${prefix.toUpperCase()}${i}`, `Fault [${tag}]`);
    }),
  );
}

export interface TicketPlace {
  number: number;
  title: string;
  customer: string;
  cardTs: string;
  dmChannel: string;
  dmThreadTs: string;
}

/** Tickets found on the platform by their cards (the fake's view, so the embedded store needs no reading). */
export function ticketsOnPlatform(world: World, submissions: Submission[]): TicketPlace[] {
  const places: TicketPlace[] = [];
  for (const s of submissions) {
    const card = world
      .botMessages()
      .find((m) => m.channel === SUPPORT_CHANNEL && !m.thread_ts && isCardOf(m, s.title, ''));
    const dm = world
      .botMessages()
      .find((m) => m.channel === `D${s.user}` && !m.thread_ts && isCardOf(m, s.title, 'Your ticket '));
    if (!card || !dm) continue;
    places.push({
      number: Number(/#(\d+)/.exec(card.text ?? '')?.[1] ?? 0),
      title: s.title,
      customer: s.user,
      cardTs: card.ts,
      dmChannel: dm.channel,
      dmThreadTs: dm.ts,
    });
  }
  return places;
}

function isCardOf(message: StoredMessage, title: string, prefix: string): boolean {
  const text = message.text ?? '';
  return text.startsWith(`${prefix}#`) && text.endsWith(title);
}

/** Per submission stored: its staff card and the customer's DM card, each exactly once. */
export function cardFigures(world: World, storedTitles: Set<string>, submissions: Submission[]) {
  let lost = 0;
  let doubled = 0;
  const notes: string[] = [];
  for (const s of submissions) {
    if (!storedTitles.has(s.title)) continue;
    // A card's text is its heading ("#12 Title"); the DM card's is "Your ticket #12 Title". Alerts name tickets too.
    const cards = world
      .botMessages()
      .filter((m) => m.channel === SUPPORT_CHANNEL && !m.thread_ts && isCardOf(m, s.title, ''));
    const dmCards = world
      .botMessages()
      .filter((m) => m.channel === `D${s.user}` && !m.thread_ts && isCardOf(m, s.title, 'Your ticket '));
    for (const copies of [cards, dmCards]) {
      if (copies.length === 0) lost++;
      if (copies.length > 1) {
        doubled += copies.length - 1;
        notes.push(
          `doubled: ${s.title} in ${copies[0].channel}: ${copies.map((m) => `${m.ts} ${JSON.stringify(m.metadata?.event_payload)}`).join(' | ')}`,
        );
      }
      if (copies.length === 0) notes.push(`lost: ${s.title} (a card missing)`);
    }
  }
  return { lost, doubled, notes };
}

/** Those told their ticket was not opened: a DM from the bot saying so. */
export function refusedUsers(world: World): Set<string> {
  return new Set(
    world.api
      .callsOf('chat.postMessage')
      .filter((c) => String(c.args.text ?? '').includes('was not opened'))
      .map((c) => String(c.args.channel)),
  );
}

/**
 * Messages the helpdesk posted in a thread out of its queue's order: each thread is one
 * destination, whose deliveries must arrive in the order they were queued (their ids).
 */
export function outOfOrderInThreads(world: World): number {
  const byThread = new Map<string, StoredMessage[]>();
  for (const m of world.botMessages()) {
    if (!m.thread_ts || m.metadata?.event_type !== DELIVERY_EVENT) continue;
    const key = `${m.channel}:${m.thread_ts}`;
    byThread.set(key, [...(byThread.get(key) ?? []), m]);
  }
  let outOfOrder = 0;
  for (const messages of byThread.values()) {
    const ids = messages
      .sort((a, b) => Number(a.ts) - Number(b.ts))
      .map((m) => Number(m.metadata!.event_payload.delivery_id));
    for (let i = 1; i < ids.length; i++) if (ids[i] < ids[i - 1]) outOfOrder++;
  }
  return outOfOrder;
}

export interface Reply {
  ticket: TicketPlace;
  side: 'customer' | 'staff';
  text: string;
  /** Its order among the replies written on its side of its ticket. */
  seq: number;
  acknowledged: boolean;
  ts: string;
}

/**
 * `count` replies written on both sides of the tickets: customers in their DM threads, staff in the
 * card threads. Replies in one thread go one after another (a person types in order); threads go
 * in parallel. With `retryTo`, each event is also delivered again to another instance as Slack's
 * retry (`x-slack-retry-num`, same event id), at the same time.
 */
export async function writeReplies(
  world: World,
  apps: AppProcess[],
  tickets: TicketPlace[],
  count: number,
  overMs: number,
  retryToOther = false,
): Promise<Reply[]> {
  const plan: Array<Omit<Reply, 'acknowledged' | 'ts'>> = [];
  const seqs = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const ticket = tickets[i % tickets.length];
    const side = Math.floor(i / tickets.length) % 2 === 0 ? 'customer' : 'staff';
    const key = `${ticket.number}:${side}`;
    const seq = (seqs.get(key) ?? 0) + 1;
    seqs.set(key, seq);
    plan.push({ ticket, side, seq, text: `reply ${side} #${ticket.number} n${String(seq).padStart(3, '0')}` });
  }
  const byThread = new Map<string, typeof plan>();
  for (const r of plan) {
    const key = `${r.ticket.number}:${r.side}`;
    byThread.set(key, [...(byThread.get(key) ?? []), r]);
  }
  const gapMs = overMs / Math.max(1, Math.ceil(count / Math.max(1, byThread.size)));
  const written: Reply[] = [];
  let eventNumber = 0;
  await Promise.all(
    [...byThread.values()].map(async (replies) => {
      for (const r of replies) {
        const channel = r.side === 'customer' ? r.ticket.dmChannel : SUPPORT_CHANNEL;
        const threadTs = r.side === 'customer' ? r.ticket.dmThreadTs : r.ticket.cardTs;
        const user = r.side === 'customer' ? r.ticket.customer : STAFF.id;
        // The person's message exists in Slack from now on, whatever happens to its event.
        const message = world.api.addHumanMessage({ channel, thread_ts: threadTs, user, text: r.text });
        const event = {
          type: 'message',
          channel,
          channel_type: r.side === 'customer' ? 'im' : 'channel',
          user,
          text: r.text,
          ts: message.ts,
          thread_ts: threadTs,
          event_ts: message.ts,
        };
        const eventId = `EvChaos${++eventNumber}${message.ts.replace('.', '')}`;
        const target = apps[eventNumber % apps.length];
        const sends = [target.signer.event(event, { eventId })];
        if (retryToOther && apps.length > 1)
          sends.push(apps[(eventNumber + 1) % apps.length].signer.event(event, { eventId, retryNum: 1 }));
        let acknowledged: boolean;
        try {
          const responses = await Promise.all(sends);
          acknowledged = responses.some((res) => res.status === 200);
          await Promise.all(responses.map((res) => res.arrayBuffer()));
        } catch {
          acknowledged = false;
        }
        written.push({ ...r, acknowledged, ts: message.ts });
        await new Promise((resolve) => setTimeout(resolve, gapMs));
      }
    }),
  );
  return written;
}

/** Where a reply's copy should appear: the other side's thread. */
function copiesOf(world: World, reply: Reply): StoredMessage[] {
  const channel = reply.side === 'customer' ? SUPPORT_CHANNEL : reply.ticket.dmChannel;
  const threadTs = reply.side === 'customer' ? reply.ticket.cardTs : reply.ticket.dmThreadTs;
  return world
    .botMessages()
    .filter((m) => m.channel === channel && m.thread_ts === threadTs && m.text?.includes(reply.text));
}

/** True once every reply has its copy on the other side. */
export function allMirrored(world: World, replies: Reply[]): boolean {
  return replies.every((r) => copiesOf(world, r).length > 0);
}

/** Mirrored once each, and in the order written on each side of each ticket. */
export function mirrorFigures(world: World, replies: Reply[]) {
  let lost = 0;
  let doubled = 0;
  let outOfOrder = 0;
  const lastSeqByThread = new Map<string, Array<{ ts: number; seq: number }>>();
  for (const r of replies) {
    const copies = copiesOf(world, r);
    if (copies.length === 0) lost++;
    if (copies.length > 1) doubled += copies.length - 1;
    const key = `${r.ticket.number}:${r.side}`;
    if (copies[0])
      lastSeqByThread.set(key, [...(lastSeqByThread.get(key) ?? []), { ts: Number(copies[0].ts), seq: r.seq }]);
  }
  for (const copies of lastSeqByThread.values()) {
    const seqs = copies.sort((a, b) => a.ts - b.ts).map((c) => c.seq);
    for (let i = 1; i < seqs.length; i++) if (seqs[i] < seqs[i - 1]) outOfOrder++;
  }
  return { lost, doubled, outOfOrder };
}
