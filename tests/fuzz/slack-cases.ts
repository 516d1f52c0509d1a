import fc from 'fast-check';
import type { Facts } from './findings';
import { anyText, commandText, wrongType } from './texts';

/**
 * The people of the fuzzed Slack workspace: an admin, a tier-1 supporter, two customers with
 * tickets (Cora #1 and #2, Pia #3) and one with none (Ole). Who is staff is what the core knows.
 */
export const SLACK_PEOPLE = {
  admin: { id: 'UADMIN', name: 'admin' },
  tina: { id: 'UTINA', name: 'Tina' },
  cora: { id: 'UCORA', name: 'Cora' },
  pia: { id: 'UPIA', name: 'Pia' },
  ole: { id: 'UOLE', name: 'Ole' },
} as const;
export type SlackWho = keyof typeof SLACK_PEOPLE;
/** Whose ticket each seeded number is. */
export const SLACK_TICKET_OWNERS: Record<number, SlackWho> = { 1: 'cora', 2: 'cora', 3: 'pia' };

export type Signing = 'signed' | 'unsigned' | 'bad-secret' | 'stale';

/** Where a seeded ticket lives, filled in once the world is up (the card's ts, the DM thread). */
export type Place = 'card-thread' | 'dm-thread' | 'support-top' | 'dm-top' | 'elsewhere';

export type SlackRequest =
  | { kind: 'command'; command: string; text: string; channel: string }
  | { kind: 'action'; actionId: string; value: unknown; blockId: string; select?: string; inView: boolean }
  | { kind: 'view'; callbackId: string; metadata: unknown; values: Record<string, unknown> }
  | {
      kind: 'message';
      subtype: 'none' | 'bot_message' | 'message_changed' | 'message_deleted' | 'file_share' | 'other';
      ticket: number;
      place: Place;
      text: string;
      fromBot: boolean;
    }
  | { kind: 'home' }
  | { kind: 'shortcut'; callbackId: string; ticket: number; place: Place; text: string }
  | { kind: 'raw'; contentType: string; body: string };

export interface SlackCase {
  who: SlackWho;
  request: SlackRequest;
  signing: Signing;
  /** A field set to null, the wrong type or removed ("user", "view", "channel", …), or none. */
  mangle: { path: string; value: unknown } | null;
  /** Sent again with the same bytes (events as Slack's retry, with its headers). */
  replayed: boolean;
}

const TICKET_WORDS: Record<string, string[]> = {
  '/ticket': ['', '<@UCORA>', '<@UOLE|ole>', '<@UPIA>'],
  '/tickets': [
    'list',
    'show',
    'search',
    'transcript',
    'assign',
    'escalate',
    'priority',
    'link',
    'unlink',
    'mine',
    'queue',
  ],
  '/kb': ['search', 'read', 'new', 'edit'],
  '/helpdesk': [
    'help',
    'staff',
    'away',
    'link',
    'sla',
    'catalog',
    'stats',
    'redact',
    'setup',
    'mark',
    'forget',
    'export',
    'replies',
  ],
};
/** Subcommands only staff may run: run by a customer, they change nothing. */
const STAFF_ONLY: Record<string, string[]> = {
  '/tickets': ['assign', 'escalate', 'priority', 'link', 'unlink'],
  '/kb': ['new', 'edit'],
  '/helpdesk': [
    'staff',
    'away',
    'link',
    'sla',
    'catalog',
    'stats',
    'redact',
    'setup',
    'mark',
    'forget',
    'export',
    'replies',
  ],
};

const CARD_ACTIONS = ['claim', 'pending', 'resolve', 'escalate', 'reassign', 'type', 'priority', 'solved', 'reopen'];
const CUSTOMER_ACTIONS = ['solved', 'reopen'];
const OTHER_ACTIONS = [
  'rate',
  'rating_comment',
  'guide_pick',
  'guide_solved',
  'guide_open',
  'guide_show',
  'home_open_ticket',
  'dm_route_new',
  'dm_route_ticket:1',
  'major_declare',
  'major_not_related',
];
const FORMS = [
  'ticket_form',
  'guided_ticket_form',
  'internal_note',
  'kb_form',
  'catalog_form',
  'escalate_form',
  'rating_comment_form',
];

const ticketNumber = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(1, 2, 3) },
  { weight: 1, arbitrary: fc.integer({ min: -2, max: 10_000 }) },
);
const plainText = (value: string) => ({ value: { type: 'plain_text_input', value } });
const chosen = (value: string | null) => ({
  value: {
    type: 'static_select',
    selected_option: value === null ? null : { value, text: { type: 'plain_text', text: value } },
  },
});

const command = fc.constantFrom(...Object.keys(TICKET_WORDS)).chain((name) =>
  fc.record({
    kind: fc.constant('command' as const),
    command: fc.constant(name),
    text: commandText(TICKET_WORDS[name]),
    channel: fc.constantFrom('CGENERAL', 'CSUPPORT', 'DUCORA', 'D0NOPE'),
  }),
);

const action = fc.record({
  kind: fc.constant('action' as const),
  actionId: fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...CARD_ACTIONS.map((a) => `ticket_${a}`)) },
    { weight: 2, arbitrary: fc.constantFrom(...OTHER_ACTIONS) },
    { weight: 1, arbitrary: anyText },
  ),
  value: fc.oneof(ticketNumber.map(String), anyText, wrongType),
  blockId: fc.oneof(
    ticketNumber.map((n) => `buttons:${n}`),
    anyText,
  ),
  select: fc.option(fc.constantFrom('incident', 'request', 'P1', 'P4', 'UTINA', 'UCORA', 'x'), { nil: undefined }),
  inView: fc.boolean(),
});

const ticketFormValues = fc
  .record({
    title: anyText,
    description: anyText,
    type: fc.option(fc.constantFrom('incident', 'request', 'x'), { nil: null }),
    impact: fc.option(fc.constantFrom('me', 'team', 'everyone', 'x'), { nil: null }),
    urgency: fc.option(fc.constantFrom('work', 'degraded', 'blocked', 'x'), { nil: null }),
  })
  .map((f) => ({
    title: plainText(f.title),
    description: plainText(f.description),
    type: chosen(f.type),
    impact: chosen(f.impact),
    urgency: chosen(f.urgency),
  }));

const view = fc.record({
  kind: fc.constant('view' as const),
  callbackId: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...FORMS) }, { weight: 1, arbitrary: anyText }),
  metadata: fc.oneof(
    fc.constant(JSON.stringify({ channel: 'CGENERAL' })),
    ticketNumber.map((n) => JSON.stringify({ ticketNumber: n })),
    fc.constant(JSON.stringify({ channel: 'CGENERAL', onBehalfOf: { userId: 'UPIA' } })),
    fc.constant(JSON.stringify({ articleId: 1 })),
    fc.constant(JSON.stringify({ serviceId: 999 })),
    fc.constantFrom('', 'not json', 'null', '[]', '{"ticketNumber":"x"}', '{"onBehalfOf":null}'),
    wrongType,
  ),
  values: fc.oneof(
    ticketFormValues,
    anyText.map((note) => ({ note: plainText(note), to: chosen('least-loaded') })),
    anyText.map((comment) => ({ comment: plainText(comment) })),
    fc.dictionary(anyText, fc.oneof(wrongType, anyText.map(plainText)), { maxKeys: 3 }),
  ),
});

const place = fc.constantFrom<Place>('card-thread', 'dm-thread', 'support-top', 'dm-top', 'elsewhere');
const message = fc.record({
  kind: fc.constant('message' as const),
  subtype: fc.constantFrom(
    'none',
    'none',
    'none',
    'bot_message',
    'message_changed',
    'message_deleted',
    'file_share',
    'other',
  ),
  ticket: ticketNumber,
  place,
  text: anyText,
  fromBot: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

const shortcut = fc.record({
  kind: fc.constant('shortcut' as const),
  callbackId: fc.oneof(fc.constantFrom('add_internal_note', 'ticket_from_message'), anyText),
  ticket: ticketNumber,
  place,
  text: anyText,
});

/** Stands for a body just over 1 MiB, built when sent (a counterexample prints this, not a megabyte). */
export const OVERSIZED = '<a JSON body of 1 MiB + 10 bytes>';

const raw = fc.oneof(
  fc.record({
    kind: fc.constant('raw' as const),
    contentType: fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain', ''),
    body: fc.oneof(
      fc.constantFrom(
        'null',
        '',
        '[]',
        '"x"',
        '0',
        'payload=null',
        'payload=',
        'payload=%7B',
        'payload=0',
        '{"type":"event_callback","event":null}',
        '{"type":"event_callback"}',
        'command=/ticket',
        '\u0000',
      ),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.json().map((json) => `payload=${encodeURIComponent(json)}`),
      fc.json(),
    ),
  }),
  // Past the 1 MiB a request may carry.
  fc.constant({ kind: 'raw' as const, contentType: 'application/json', body: OVERSIZED }),
);

const request: fc.Arbitrary<SlackRequest> = fc.oneof(
  { weight: 6, arbitrary: command },
  { weight: 6, arbitrary: action },
  { weight: 6, arbitrary: view },
  { weight: 6, arbitrary: message },
  { weight: 1, arbitrary: fc.constant({ kind: 'home' as const }) },
  { weight: 2, arbitrary: shortcut },
  { weight: 2, arbitrary: raw },
);

/** The fields each kind of request cannot do without: one of them missing or of the wrong type makes the request malformed. */
const ESSENTIAL: Record<SlackRequest['kind'], string[]> = {
  command: ['user_id'],
  action: ['user', 'user.id', 'actions'],
  view: ['user', 'user.id', 'view', 'view.state', 'view.private_metadata'],
  shortcut: ['user', 'user.id'],
  message: ['event', 'event.channel', 'event.user'],
  home: ['event', 'event.user'],
  raw: [],
};
const MANGLEABLE = [...new Set(Object.values(ESSENTIAL).flat())];

/** Whether the case's mangled field is one its request cannot do without (else the mangle is left out when it is sent). */
export function mangleApplies(c: SlackCase): boolean {
  if (!c.mangle || !ESSENTIAL[c.request.kind].includes(c.mangle.path)) return false;
  const r = c.request;
  // An edit or a deletion names its author inside (event.message, event.previous_message).
  if (c.mangle.path === 'event.user' && r.kind === 'message' && r.subtype !== 'none' && r.subtype !== 'file_share')
    return false;
  return true;
}

export const slackCase: fc.Arbitrary<SlackCase> = fc.record({
  who: fc.constantFrom<SlackWho>('admin', 'tina', 'cora', 'pia', 'ole'),
  request,
  signing: fc.oneof(
    { weight: 17, arbitrary: fc.constant<Signing>('signed') },
    { weight: 1, arbitrary: fc.constantFrom<Signing>('unsigned', 'bad-secret', 'stale') },
  ),
  mangle: fc.oneof(
    { weight: 6, arbitrary: fc.constant(null) },
    {
      weight: 1,
      arbitrary: fc.record({
        path: fc.constantFrom(...MANGLEABLE),
        // Any other text would be another person's or channel's id: a different request, not a malformed one.
        value: fc.oneof(
          fc.constant(undefined),
          wrongType.filter((v) => typeof v !== 'string' || v === ''),
        ),
      }),
    },
  ),
  replayed: fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

/**
 * What a case may change: `any` for a well-formed request its person may make (checked for its
 * answers, not its effects), or the tables it may touch: a read records its person on first
 * sight (person, identity); anything refused, malformed, unsigned or stale, none.
 */
export function slackCaseMayChange(c: SlackCase, facts: Facts<SlackWho>): 'any' | string[] {
  const isStaff = (who: SlackWho) => facts.staff.has(who);
  const ownerOf = (n: number) => facts.owners.get(n);
  if (c.signing !== 'signed') return [];
  const r =
    c.mangle?.path === 'view.private_metadata' && c.request.kind === 'view'
      ? { ...c.request, metadata: c.mangle.value }
      : c.request;
  if (mangleApplies(c) && c.mangle?.path !== 'view.private_metadata') return [];
  const firstSight = ['person', 'identity'];
  switch (r.kind) {
    case 'raw':
      return [];
    case 'command': {
      const first = r.text.trim().split(/\s+/)[0] ?? '';
      // Every attempt at a link code is counted (link_attempt), refused or not: that is what limits guessing.
      if (r.command === '/helpdesk' && first === 'link') return isStaff(c.who) ? 'any' : ['link_attempt'];
      if (!isStaff(c.who) && (STAFF_ONLY[r.command] ?? []).includes(first)) return [];
      return 'any';
    }
    case 'action': {
      const match = /^ticket_([a-z]+)$/.exec(r.actionId);
      if (!match) return OTHER_ACTIONS.includes(r.actionId) ? 'any' : [];
      if (!CARD_ACTIONS.includes(match[1])) return [];
      // A select's ticket is in its block id (its value is the choice); a button's in its value.
      const value = r.select === undefined ? Number(r.value) : NaN;
      const number = value > 0 ? value : Number(r.blockId.split(':')[1]);
      const owner = ownerOf(number);
      if (!owner) return firstSight;
      if (isStaff(c.who)) return 'any';
      return CUSTOMER_ACTIONS.includes(match[1]) && owner === c.who ? 'any' : firstSight;
    }
    case 'view': {
      // Every signed submission is remembered (slack_submission) so that its replay is recognised, refused or not.
      const remembered = ['slack_submission'];
      if (!FORMS.includes(r.callbackId)) return remembered;
      if (typeof r.metadata !== 'string') return remembered;
      let metadata: unknown;
      try {
        metadata = JSON.parse(r.metadata || '{}');
      } catch {
        return remembered;
      }
      if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) return remembered;
      const staffForm = ['internal_note', 'kb_form', 'catalog_form', 'escalate_form'].includes(r.callbackId);
      if (staffForm && !isStaff(c.who)) return remembered;
      if ((metadata as { onBehalfOf?: unknown }).onBehalfOf && !isStaff(c.who)) return remembered;
      if (r.callbackId === 'rating_comment_form') {
        const owner = ownerOf((metadata as { ticketNumber?: number }).ticketNumber ?? 0);
        if (owner !== c.who) return remembered;
      }
      return 'any';
    }
    case 'message': {
      if (r.fromBot || r.subtype === 'bot_message' || r.subtype === 'other') return [];
      if (r.place === 'elsewhere' || r.place === 'support-top') return [];
      const owner = ownerOf(r.ticket);
      // The card's thread is staff's side; a customer who can see the channel still answers their own ticket there.
      if (r.place === 'card-thread') return (isStaff(c.who) || owner === c.who) && owner ? 'any' : [];
      // Staff may comment on any ticket, whichever side of it they write in.
      if (r.place === 'dm-thread') return owner === c.who || (isStaff(c.who) && owner) ? 'any' : [];
      return 'any'; // a top-level DM: the helpdesk may offer a ticket
    }
    case 'home':
      return firstSight;
    case 'shortcut':
      if (r.callbackId === 'add_internal_note') return isStaff(c.who) ? firstSight : [];
      return r.callbackId === 'ticket_from_message' ? firstSight : [];
  }
}
