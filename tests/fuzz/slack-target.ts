import { commandFields, eventCallback, interactionPayload, type SignOptions } from '../../src/simulator/slack/signer';
import { startStaffedSlackHarness, SUPPORT_CHANNEL, type SlackHarness } from '../fakes/slack/harness';
import { openTicketAs, threadMessage } from '../fakes/slack/interactions';
import { ErrorLog, readFacts, type Answer, type FuzzTarget } from './findings';
import {
  mangleApplies,
  OVERSIZED,
  SLACK_PEOPLE,
  SLACK_TICKET_OWNERS,
  slackCaseMayChange,
  type Place,
  type SlackCase,
  type SlackWho,
} from './slack-cases';

const WHO_BY_ID = new Map(Object.entries(SLACK_PEOPLE).map(([who, user]) => [user.id as string, who as SlackWho]));

interface Location {
  slackChannel: string;
  slackCardTs: string;
  slackDmChannel: string;
  slackDmThreadTs: string;
}

interface Sent {
  body: string;
  contentType: string;
  signing: SlackCase['signing'];
  timestamp: number;
  what: string;
  /** Events are replayed as Slack retries them, with its retry headers. */
  retryable: boolean;
}

/**
 * The real Bolt app against the fake Slack, with the seeded tickets the cases point at; one for
 * a whole run (cases are sent one at a time, each waited on until the app has settled).
 */
export class SlackFuzzWorld implements FuzzTarget<SlackCase> {
  readonly errors = new ErrorLog();
  private h!: SlackHarness;
  private readonly locations = new Map<number, Location>();
  /** Messages people wrote in tickets' threads, for edits and deletions to point at. */
  private readonly written: Array<{ channel: string; ts: string; user: string }> = [];
  private clock = 0;
  private lastSent: Sent | null = null;

  get dataSource() {
    return this.h.db.dataSource;
  }

  async start(): Promise<this> {
    // One request at a time: the answers-first gate needs no quiet spell to wait for a burst.
    this.h = await startStaffedSlackHarness({
      logger: this.errors.logger,
      answersFirst: { quietMs: 0, maxWaitMs: 0 },
    });
    for (const [number, who] of Object.entries(SLACK_TICKET_OWNERS)) {
      const opened = await openTicketAs(this.h, SLACK_PEOPLE[who], `Seeded ticket ${number}`);
      if (opened.number !== Number(number)) throw new Error(`seeded ticket #${opened.number}, expected #${number}`);
      const location = opened.location as unknown as Location;
      this.locations.set(opened.number, location);
      const ts = this.nextTs();
      await this.h.signer.event(
        threadMessage(SLACK_PEOPLE[who], location.slackDmChannel, location.slackDmThreadTs, 'More details', ts),
      );
      this.written.push({ channel: location.slackDmChannel, ts, user: SLACK_PEOPLE[who].id });
    }
    await this.h.helpdesk.tickets.resolve({ platform: 'slack', userId: SLACK_PEOPLE.tina.id }, { ticketNumber: 2 });
    await this.h.slack.settled();
    await this.h.deliver();
    const seedingErrors = this.errors.take();
    if (seedingErrors.length > 0) throw new Error(`seeding the Slack world failed: ${seedingErrors.join('; ')}`);
    return this;
  }

  async close(): Promise<void> {
    await this.h?.close();
  }

  async mayChange(c: SlackCase): Promise<'any' | string[]> {
    const r = c.request;
    // An edit is its author's to make; which message it edits is known only here.
    if (r.kind === 'message' && r.subtype === 'message_changed' && c.signing === 'signed' && !mangleApplies(c))
      return !r.fromBot && this.earlier(r.text).user === SLACK_PEOPLE[c.who].id ? 'any' : [];
    if (r.kind === 'message' && r.subtype === 'message_deleted' && c.signing === 'signed' && !mangleApplies(c))
      return r.fromBot ? [] : 'any';
    const facts = await readFacts(this.dataSource, 'slack', (id) => WHO_BY_ID.get(id));
    return slackCaseMayChange(c, facts);
  }

  private earlier(text: string) {
    return this.written[text.length % this.written.length];
  }

  async send(c: SlackCase): Promise<Answer[]> {
    const allowed = await this.mayChange(c);
    const sent = this.build(c);
    this.lastSent = sent;
    const answer = await this.post(sent, {});
    if (c.request.kind === 'message' && answer.status === 200 && allowed === 'any') {
      const event = JSON.parse(sent.body).event;
      this.written.push({ channel: event.channel, ts: event.ts, user: event.user });
    }
    return [answer];
  }

  async replay(c: SlackCase): Promise<{ answers: Answer[]; strict: boolean }> {
    if (!c.replayed || !this.lastSent) return { answers: [], strict: false };
    const answer = await this.post(this.lastSent, this.lastSent.retryable ? { retryNum: 1 } : {});
    // Slack retries events; a replayed form would store its ticket twice. A command or a press run twice is two requests.
    return { answers: [answer], strict: this.lastSent.retryable || c.request.kind === 'view' };
  }

  private async post(sent: Sent, options: SignOptions): Promise<Answer> {
    const started = performance.now();
    let status: number | undefined;
    try {
      if (sent.signing === 'unsigned') {
        const res = await fetch(this.h.signer['endpoint'] as string, {
          method: 'POST',
          headers: { 'content-type': sent.contentType },
          body: sent.body,
        });
        status = res.status;
        await res.arrayBuffer();
      } else {
        const res = await this.h.signer.post(sent.body, sent.contentType, {
          ...options,
          timestamp: sent.timestamp,
          ...(sent.signing === 'bad-secret' ? { secret: 'not-the-secret' } : {}),
        });
        status = res.status;
        await res.arrayBuffer();
      }
    } catch (error) {
      // The connection was cut (no status): counted as no answer.
      await this.h.slack.settled();
      return { ms: null, mustAnswer: true, what: `${sent.what} (${(error as Error).message})` };
    }
    const ms = performance.now() - started;
    await this.h.slack.settled();
    return { status, ms, mustAnswer: true, what: sent.what };
  }

  private nextTs(): string {
    this.clock += 1;
    return `${1_800_000_000 + this.clock}.${String(this.clock % 1_000_000).padStart(6, '0')}`;
  }

  private build(c: SlackCase): Sent {
    const user = SLACK_PEOPLE[c.who];
    const timestamp = Math.floor(Date.now() / 1000) - (c.signing === 'stale' ? 6 * 60 : 0);
    const base = { signing: c.signing, timestamp, retryable: false };
    const r = c.request;
    const slackUser = { id: user.id, name: user.name, username: user.name, team_id: 'T1' };
    const form = (payload: Record<string, unknown>) => {
      const mangled = this.mangled(c, interactionPayload(payload));
      return new URLSearchParams({ payload: JSON.stringify(mangled) }).toString();
    };
    const urlencoded = 'application/x-www-form-urlencoded';
    switch (r.kind) {
      case 'raw':
        return {
          ...base,
          contentType: r.contentType,
          body: r.body === OVERSIZED ? `{"x":"${'y'.repeat(1024 * 1024 + 10)}"}` : r.body,
          what: `a raw ${r.contentType} body`,
        };
      case 'command': {
        this.clock += 1;
        const fields: Record<string, unknown> = commandFields(r.command, user, r.text, r.channel, this.clock);
        if (mangleApplies(c)) {
          // A form field is always text: the user is left out, or empty.
          if (c.mangle!.value === undefined) delete fields.user_id;
          else fields.user_id = '';
        }
        return {
          ...base,
          contentType: urlencoded,
          body: new URLSearchParams(fields as Record<string, string>).toString(),
          what: r.command,
        };
      }
      case 'action': {
        const card = this.locations.get(1)!;
        const control = r.select
          ? {
              type: 'static_select',
              action_id: r.actionId,
              block_id: r.blockId,
              selected_option: { value: r.select, text: { type: 'plain_text', text: r.select } },
            }
          : {
              type: 'button',
              action_id: r.actionId,
              block_id: r.blockId,
              value: r.value,
              text: { type: 'plain_text', text: 'x' },
            };
        const where = r.inView
          ? {
              container: { type: 'view', view_id: 'VFUZZ' },
              view: {
                id: 'VFUZZ',
                type: 'modal',
                callback_id: 'guide_step',
                private_metadata: '{}',
                state: { values: {} },
                hash: 'h',
                blocks: [],
              },
            }
          : {
              container: {
                type: 'message',
                message_ts: card.slackCardTs,
                channel_id: SUPPORT_CHANNEL,
                is_ephemeral: false,
              },
              channel: { id: SUPPORT_CHANNEL, name: 'support' },
              message: { type: 'message', ts: card.slackCardTs, text: '' },
            };
        return {
          ...base,
          contentType: urlencoded,
          body: form({
            type: 'block_actions',
            user: slackUser,
            trigger_id: `trigger-${this.clock}`,
            response_url: 'http://127.0.0.1:1/actions',
            ...where,
            actions: [{ ...control, action_ts: '1' }],
          }),
          what: `block action ${r.actionId.slice(0, 40)}`,
        };
      }
      case 'view':
        return {
          ...base,
          contentType: urlencoded,
          body: form({
            type: 'view_submission',
            user: slackUser,
            trigger_id: `trigger-${this.clock}`,
            view: {
              id: `VFUZZ${this.clock}`,
              type: 'modal',
              callback_id: r.callbackId,
              private_metadata: r.metadata,
              hash: `h${this.clock}`,
              team_id: 'T1',
              app_id: 'A1',
              bot_id: 'BBOT',
              state: { values: r.values },
            },
          }),
          what: `view submission ${r.callbackId.slice(0, 40)}`,
        };
      case 'shortcut': {
        const { channel, threadTs } = this.placeOf(r.place, r.ticket, c.who);
        return {
          ...base,
          contentType: urlencoded,
          body: form({
            type: 'message_action',
            callback_id: r.callbackId,
            trigger_id: `trigger-${this.clock}`,
            user: slackUser,
            channel: { id: channel, name: 'x' },
            message: {
              type: 'message',
              user: user.id,
              ts: this.nextTs(),
              text: r.text,
              ...(threadTs ? { thread_ts: threadTs } : {}),
            },
            message_ts: `${this.clock}`,
            response_url: 'http://127.0.0.1:1/shortcuts',
          }),
          what: `shortcut ${r.callbackId.slice(0, 40)}`,
        };
      }
      case 'home':
        return this.event(c, base, { type: 'app_home_opened', user: user.id, channel: `D${user.id}`, tab: 'home' });
      case 'message': {
        const { channel, threadTs } = this.placeOf(r.place, r.ticket, c.who);
        const ts = this.nextTs();
        const earlier = this.earlier(r.text);
        if (r.subtype === 'message_changed')
          return this.event(c, base, {
            type: 'message',
            subtype: 'message_changed',
            channel: earlier.channel,
            hidden: true,
            ts,
            message: {
              type: 'message',
              user: r.fromBot ? undefined : user.id,
              bot_id: r.fromBot ? 'BBOT' : undefined,
              text: r.text,
              ts: earlier.ts,
            },
            previous_message: { type: 'message', user: earlier.user, text: 'before', ts: earlier.ts },
          });
        if (r.subtype === 'message_deleted')
          return this.event(c, base, {
            type: 'message',
            subtype: 'message_deleted',
            channel: earlier.channel,
            hidden: true,
            ts,
            deleted_ts: earlier.ts,
            previous_message: {
              type: 'message',
              user: r.fromBot ? undefined : earlier.user,
              bot_id: r.fromBot ? 'BBOT' : undefined,
              text: 'x',
              ts: earlier.ts,
            },
          });
        const event: Record<string, unknown> = {
          ...threadMessage(user, channel, threadTs ?? ts, r.text, ts),
          ...(threadTs ? {} : { thread_ts: undefined }),
          ...(r.subtype === 'none' ? {} : { subtype: r.subtype }),
          ...(r.fromBot || r.subtype === 'bot_message' ? { bot_id: 'BBOT' } : {}),
        };
        return this.event(c, base, event);
      }
    }
  }

  private event(c: SlackCase, base: Omit<Sent, 'body' | 'contentType' | 'what'>, event: Record<string, unknown>): Sent {
    this.clock += 1;
    const body = this.mangled(c, eventCallback(event, `EvFUZZ${this.clock}`));
    return {
      ...base,
      retryable: true,
      contentType: 'application/json',
      body: JSON.stringify(body),
      what: `event ${String(event.type)}`,
    };
  }

  /** The channel and thread a message or shortcut is in. */
  private placeOf(place: Place, ticket: number, who: SlackCase['who']): { channel: string; threadTs?: string } {
    const location = this.locations.get(ticket);
    const user = SLACK_PEOPLE[who];
    switch (place) {
      case 'card-thread':
        return { channel: SUPPORT_CHANNEL, threadTs: location?.slackCardTs ?? '1234.5678' };
      case 'dm-thread':
        return {
          channel: location?.slackDmChannel ?? `D${user.id}`,
          threadTs: location?.slackDmThreadTs ?? '1234.5678',
        };
      case 'support-top':
        return { channel: SUPPORT_CHANNEL };
      case 'dm-top':
        return { channel: `D${user.id}` };
      case 'elsewhere':
        return { channel: 'CGENERAL', threadTs: location?.slackCardTs };
    }
  }

  /** The payload with the case's essential field missing or of the wrong type. */
  private mangled(c: SlackCase, payload: Record<string, unknown>): Record<string, unknown> {
    if (!mangleApplies(c)) return payload;
    const copy = structuredClone(payload);
    const path = c.mangle!.path.split('.');
    let at: any = copy;
    for (const key of path.slice(0, -1)) {
      if (!at || typeof at !== 'object') return copy;
      at = at[key];
    }
    if (!at || typeof at !== 'object') return copy;
    const last = path.at(-1)!;
    if (c.mangle!.value === undefined) delete at[last];
    else at[last] = c.mangle!.value;
    return copy;
  }
}
