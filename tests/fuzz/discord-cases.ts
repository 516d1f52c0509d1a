import fc from 'fast-check';
import { ApplicationCommandOptionType as T, type APIApplicationCommandOption } from 'discord.js';
import { commandDefinitions } from '../../src/bots/discord/register-commands';
import type { Facts } from './findings';
import { anyText } from './texts';

/** The people of the fuzzed server: an admin, a tier-1 supporter, customers with tickets (Cora #1, #2; Pia #3), one without (Ole), and a bot. */
export type DiscordWho = 'boss' | 'tina' | 'cora' | 'pia' | 'ole' | 'robot';
export const DISCORD_TICKET_OWNERS: Record<number, DiscordWho> = { 1: 'cora', 2: 'cora', 3: 'pia' };

export type Option = { name: string; type: number; value?: string | number | boolean; options?: Option[] };
export type Where = 'ticket-thread' | 'staff-thread' | 'support' | 'staff' | 'unknown-channel';

export type DiscordRequest =
  | { kind: 'command'; name: string; path: string[]; options: Option[]; where: Where; ticket: number }
  | { kind: 'button'; customId: string; where: Where; ticket: number }
  | { kind: 'select'; customId: string; values: string[]; userSelect: boolean; where: Where; ticket: number }
  | { kind: 'modal'; customId: string; fields: Record<string, string | string[]>; where: Where; ticket: number }
  | { kind: 'message'; where: Where; ticket: number; text: string }
  | { kind: 'edit'; pick: number; text: string }
  | { kind: 'delete'; pick: number; known: boolean };

export interface DiscordCase {
  who: DiscordWho;
  request: DiscordRequest;
  /** Sent as from another server (a guild the helpdesk does not serve). */
  foreignGuild: boolean;
}

/** Every slash command as registered, flattened to its leaves: `tickets assign` with its options. */
interface Leaf {
  name: string;
  path: string[];
  options: APIApplicationCommandOption[];
}
function leaves(): Leaf[] {
  const found: Leaf[] = [];
  const walk = (name: string, path: string[], options: APIApplicationCommandOption[] = []) => {
    const nested = options.filter((o) => o.type === T.Subcommand || o.type === T.SubcommandGroup);
    if (nested.length === 0) found.push({ name, path, options });
    for (const o of nested)
      walk(name, [...path, o.name], 'options' in o ? (o.options as APIApplicationCommandOption[]) : []);
  };
  for (const command of commandDefinitions() as Array<{ name: string; options?: APIApplicationCommandOption[] }>)
    walk(command.name, [], command.options);
  return found;
}
const LEAVES = leaves();

/** Commands (by their full name) staff alone may run: run by anyone else they change nothing. */
const STAFF_ONLY =
  /^(note|reply|tickets (assign|escalate|priority|link|unlink)|kb (new|edit)|helpdesk (?!(help|language|dashboard)$).*)$/;

const ticketNumber = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(1, 2, 3) },
  { weight: 1, arbitrary: fc.integer({ min: -2, max: 100_000 }) },
);

/** A value for an option of this type, as Discord would send it (it checks types, lengths and choices; required options are always there). */
function optionValue(option: APIApplicationCommandOption): fc.Arbitrary<string | number | boolean> {
  const choices = 'choices' in option && option.choices ? option.choices.map((c) => c.value) : null;
  if (choices && choices.length > 0) return fc.constantFrom(...choices);
  switch (option.type) {
    case T.Integer:
      return fc.oneof(ticketNumber, fc.integer({ min: 1, max: 2 ** 31 - 1 }));
    case T.Number:
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case T.Boolean:
      return fc.boolean();
    case T.User:
      return person;
    case T.Channel:
      return fc.constant('CHANNEL'); // filled with a real channel when sent
    default: {
      const max = 'max_length' in option && option.max_length ? option.max_length : 6000;
      const min = 'min_length' in option && option.min_length ? option.min_length : 1;
      return anyText.filter((t) => t.length >= min && t.length <= max);
    }
  }
}

/** A person named in an option or a select: `@cora`, replaced by their user id when sent. */
const person = fc.constantFrom('@boss', '@tina', '@cora', '@pia', '@ole', '@robot');

const WHO: DiscordWho[] = ['boss', 'tina', 'cora', 'pia', 'ole'];
const where = fc.constantFrom<Where>(
  'ticket-thread',
  'ticket-thread',
  'staff-thread',
  'support',
  'staff',
  'unknown-channel',
);

const command = fc.constantFrom(...LEAVES).chain((leaf) =>
  fc.record({
    kind: fc.constant('command' as const),
    name: fc.constant(leaf.name),
    path: fc.constant(leaf.path),
    options: fc
      .tuple(
        ...leaf.options.map((o) =>
          fc.record({ include: o.required ? fc.constant(true) : fc.boolean(), value: optionValue(o) }),
        ),
      )
      .map((picked) =>
        wrap(
          leaf.path,
          leaf.options.flatMap((o, i) =>
            picked[i].include ? [{ name: o.name, type: o.type, value: picked[i].value }] : [],
          ),
        ),
      ),
    where,
    ticket: ticketNumber,
  }),
);

/** The leaf's options inside its subcommand (and group), as Discord nests them. */
function wrap(path: string[], options: Option[]): Option[] {
  if (path.length === 0) return options;
  if (path.length === 1) return [{ name: path[0], type: T.Subcommand, options }];
  return [{ name: path[0], type: T.SubcommandGroup, options: [{ name: path[1], type: T.Subcommand, options }] }];
}

const TICKET_BUTTONS = [
  'claim',
  'pending',
  'resolve',
  'escalate',
  'reassign',
  'type',
  'priority',
  'solved',
  'reopen',
  'rate-1',
  'rate-5',
  'rate-comment',
];
const SELECTS = ['escalate-to', 'reassign-to', 'type-to', 'priority-to'];
const customId = (actions: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...actions), ticketNumber).map(([a, n]) => `ticket:${a}:${n}`) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('service', 'form', 'solved', 'open', 'show'), anyText)
        .map(([a, x]) => `guide:${a}:${x}`),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom('declare', 'not-related'), ticketNumber).map(([a, n]) => `major:${a}:${n}`),
    },
    { weight: 1, arbitrary: anyText.filter((t) => t.length > 0 && t.length <= 100) },
  );

const button = fc.record({
  kind: fc.constant('button' as const),
  customId: customId(TICKET_BUTTONS),
  where,
  ticket: ticketNumber,
});
const select = fc.record({
  kind: fc.constant('select' as const),
  customId: customId(SELECTS),
  values: fc.array(fc.oneof(fc.constantFrom('incident', 'request', 'P1', 'P4', 'least-loaded'), person, anyText), {
    minLength: 1,
    maxLength: 2,
  }),
  userSelect: fc.boolean(),
  where,
  ticket: ticketNumber,
});
const modal = fc.record({
  kind: fc.constant('modal' as const),
  customId: fc.oneof(
    fc.constantFrom(
      'ticket-form',
      'ticket-form:x',
      'kb-form',
      'kb-form:1',
      'catalog-form',
      'catalog-form:999',
      'guide-form:0',
    ),
    ticketNumber.map((n) => `rating-comment:${n}`),
    anyText.filter((t) => t.length > 0 && t.length <= 100),
  ),
  fields: fc.oneof(
    fc.record({
      title: anyText,
      description: anyText,
      type: fc.constantFrom<string[]>(['incident'], ['request'], ['x'], []),
      impact: fc.constantFrom<string[]>(['me'], ['everyone'], ['x']),
      urgency: fc.constantFrom<string[]>(['work'], ['blocked'], ['x']),
    }),
    fc.dictionary(fc.constantFrom('title', 'body', 'comment', 'name', 'description', 'x'), anyText, { maxKeys: 3 }),
  ),
  where,
  ticket: ticketNumber,
});
const message = fc.record({ kind: fc.constant('message' as const), where, ticket: ticketNumber, text: anyText });
const edit = fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), text: anyText });
const remove = fc.record({ kind: fc.constant('delete' as const), pick: fc.nat(), known: fc.boolean() });

/** Bots write messages; only people send interactions. */
const isInteraction = (r: DiscordRequest) => r.kind !== 'message' && r.kind !== 'edit' && r.kind !== 'delete';

export const discordCase: fc.Arbitrary<DiscordCase> = fc
  .record({
    who: fc.oneof(
      { weight: 10, arbitrary: fc.constantFrom(...WHO) },
      { weight: 1, arbitrary: fc.constant<DiscordWho>('robot') },
    ),
    request: fc.oneof(
      { weight: 5, arbitrary: command },
      { weight: 4, arbitrary: button },
      { weight: 2, arbitrary: select },
      { weight: 3, arbitrary: modal },
      { weight: 5, arbitrary: message },
      { weight: 2, arbitrary: edit },
      { weight: 1, arbitrary: remove },
    ),
    foreignGuild: fc.oneof({ weight: 15, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  })
  .map((c) => (c.who === 'robot' && isInteraction(c.request) ? { ...c, who: 'ole' as const } : c));

/**
 * What a case may change (see FuzzTarget.mayChange). `author` is who wrote the message an edit
 * points at (null: one the helpdesk never stored); `stored`, whether a deletion points at a stored one.
 */
export function discordCaseMayChange(
  c: DiscordCase,
  facts: Facts<DiscordWho>,
  pointed: { author: DiscordWho | null },
): 'any' | string[] {
  const isStaff = (who: DiscordWho) => facts.staff.has(who);
  const r = c.request;
  if (c.foreignGuild) return [];
  // A deletion says which message went, not who removed it: a stored comment's deletion is kept as a mark.
  if (r.kind === 'delete') return r.known ? 'any' : [];
  if (c.who === 'robot') return [];
  const owner = (n: number) => facts.owners.get(n);
  switch (r.kind) {
    case 'command': {
      const full = [r.name, ...r.path].join(' ');
      // Every attempt at a link code is counted (link_attempt), refused or not: that is what limits guessing.
      if (full === 'helpdesk link') return isStaff(c.who) ? 'any' : ['link_attempt'];
      return STAFF_ONLY.test(full) && !isStaff(c.who) ? [] : 'any';
    }
    case 'button':
    case 'select': {
      const ticket = /^ticket:([a-z0-9-]+):(\d+)$/.exec(r.customId);
      if (ticket) {
        const [, action, number] = ticket;
        if (!owner(Number(number))) return ['person', 'identity'];
        if (/^(solved|reopen|rate-\d|rate-comment)$/.test(action))
          return owner(Number(number)) === c.who || (isStaff(c.who) && /^(solved|reopen)$/.test(action)) ? 'any' : [];
        return isStaff(c.who) ? 'any' : [];
      }
      if (r.customId.startsWith('guide:')) return 'any';
      // Staff decide on a major-incident proposal (one may have formed from look-alike tickets opened meanwhile).
      if (/^major:(declare|not-related):\d+$/.test(r.customId)) return isStaff(c.who) ? 'any' : [];
      return [];
    }
    case 'modal': {
      const prefix = r.customId.split(':')[0];
      if (prefix === 'ticket-form' || prefix === 'guide-form') return 'any';
      if (prefix === 'kb-form') return isStaff(c.who) ? 'any' : [];
      if (prefix === 'catalog-form') return facts.admins.has(c.who) ? 'any' : [];
      if (prefix === 'rating-comment') return owner(Number(r.customId.split(':')[1])) === c.who ? 'any' : [];
      return [];
    }
    case 'message':
      if (r.where === 'ticket-thread') return owner(r.ticket) === c.who || isStaff(c.who) ? 'any' : [];
      if (r.where === 'staff-thread') return isStaff(c.who) ? 'any' : [];
      return [];
    case 'edit':
      return pointed.author === c.who ? 'any' : [];
  }
}
