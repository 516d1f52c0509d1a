import type { Platform, Role } from '../model';
import { t, type Language } from '../texts';
import { decide, type Action } from './authorization';

/**
 * Every command and sub-command the helpdesk answers, on both platforms, with the core action that
 * guards it: the one list `/helpdesk help` is made from on Discord and Slack, so who is shown what
 * is decided by the authorisation table and nowhere else.
 */
export interface CommandEntry {
  /** Names the entry and its help text (`help.<id>`). */
  id: HelpId;
  /** The command as typed, without its arguments (`tickets list`, `helpdesk staff add`); '' for a shortcut. */
  command: string;
  /** How it is written, the same words on both platforms unless `slack` says otherwise. */
  usage: string;
  /** The action the core checks when it runs: a role sees the entry when the table lets it (on its own tickets counts). */
  guard: Action;
  /** Where it is offered: both platforms unless said. */
  platforms: readonly Platform[];
  /** Slack's writing of it, where Slack's text arguments differ from Discord's options. */
  slackUsage?: string;
}

const BOTH: readonly Platform[] = ['discord', 'slack'];
const DISCORD_ONLY: readonly Platform[] = ['discord'];
const SLACK_ONLY: readonly Platform[] = ['slack'];

const entry = (
  id: HelpId,
  command: string,
  usage: string,
  guard: Action,
  more: Partial<Pick<CommandEntry, 'platforms' | 'slackUsage'>> = {},
): CommandEntry => ({ id, command, usage, guard, platforms: more.platforms ?? BOTH, slackUsage: more.slackUsage });

export const HELP_IDS = [
  'ticket',
  'ticketOnBehalf',
  'ticketsList',
  'ticketsListScope',
  'ticketsShow',
  'ticketsSearch',
  'ticketsTranscript',
  'ticketsAssign',
  'ticketsEscalate',
  'ticketsPriority',
  'ticketsLink',
  'ticketsUnlink',
  'note',
  'noteShortcut',
  'kbSearch',
  'kbRead',
  'kbNew',
  'kbEdit',
  'away',
  'awayOther',
  'link',
  'staffAdd',
  'staffRemove',
  'mark',
  'setup',
  'slaShow',
  'slaSet',
  'slaHours',
  'slaHoliday',
  'catalogList',
  'catalogAdd',
  'catalogEdit',
  'catalogRemove',
  'stats',
  'redactComment',
  'redactTicket',
  'forget',
  'export',
  'language',
  'dashboard',
  'ticketFromMessage',
  'ticketFromMessageShortcut',
  'repliesList',
  'repliesAdd',
  'repliesEdit',
  'repliesRemove',
  'reply',
  'replyButton',
  'help',
] as const;
export type HelpId = (typeof HELP_IDS)[number];

export const COMMAND_CATALOGUE: readonly CommandEntry[] = [
  entry('ticket', 'ticket', '/ticket', 'ticket.open'),
  entry('ticketOnBehalf', 'ticket', '/ticket person:@someone', 'ticket.open_on_behalf', {
    slackUsage: '/ticket @someone',
  }),
  entry('ticketsList', 'tickets list', '/tickets list', 'ticket.view', { slackUsage: '/tickets' }),
  entry('ticketsListScope', 'tickets list', '/tickets list [mine|queue|all]', 'ticket.list_all'),
  entry('ticketsShow', 'tickets show', '/tickets show N', 'ticket.view'),
  entry('ticketsSearch', 'tickets search', '/tickets search WORDS', 'ticket.view'),
  entry('ticketsTranscript', 'tickets transcript', '/tickets transcript N', 'ticket.transcript'),
  entry('ticketsAssign', 'tickets assign', '/tickets assign N @person', 'ticket.reassign'),
  entry('ticketsEscalate', 'tickets escalate', '/tickets escalate N [@person]', 'ticket.escalate'),
  entry('ticketsPriority', 'tickets priority', '/tickets priority N P1..P4', 'ticket.change_priority'),
  entry('ticketsLink', 'tickets link', '/tickets link N PARENT', 'ticket.major'),
  entry('ticketsUnlink', 'tickets unlink', '/tickets unlink N', 'ticket.major'),
  // Slack has no slash commands in threads: a note is a message shortcut there.
  entry('note', 'note', '/note TEXT', 'ticket.note', { platforms: DISCORD_ONLY }),
  entry('noteShortcut', '', '', 'ticket.note', { platforms: SLACK_ONLY }),
  entry('kbSearch', 'kb search', '/kb search WORDS', 'kb.read_public'),
  entry('kbRead', 'kb read', '/kb read ID', 'kb.read_public'),
  entry('kbNew', 'kb new', '/kb new', 'kb.write'),
  entry('kbEdit', 'kb edit', '/kb edit ID', 'kb.write'),
  entry('away', 'helpdesk away', '/helpdesk away on|off', 'staff.away_self'),
  entry('awayOther', 'helpdesk away', '/helpdesk away on|off @person', 'staff.away_other'),
  entry('link', 'helpdesk link', '/helpdesk link [CODE]', 'staff.link'),
  entry('staffAdd', 'helpdesk staff add', '/helpdesk staff add @person 1|2|3|admin', 'staff.manage'),
  entry('staffRemove', 'helpdesk staff remove', '/helpdesk staff remove @person', 'staff.manage'),
  entry('mark', 'helpdesk mark', '/helpdesk mark sla|catalog ID', 'kb.mark_special'),
  entry('setup', 'helpdesk setup', '/helpdesk setup [channel:#channel]', 'settings.manage', {
    slackUsage: '/helpdesk setup [#channel]',
  }),
  entry('slaShow', 'helpdesk sla show', '/helpdesk sla show', 'sla.manage'),
  entry('slaSet', 'helpdesk sla set', '/helpdesk sla set P1..P4 [first_response] [resolution]', 'sla.manage', {
    slackUsage: '/helpdesk sla set P1..P4 FIRST_RESPONSE RESOLUTION',
  }),
  entry('slaHours', 'helpdesk sla hours', '/helpdesk sla hours HOURS|off', 'sla.manage'),
  entry('slaHoliday', 'helpdesk sla holiday', '/helpdesk sla holiday add|remove YYYY-MM-DD', 'sla.manage'),
  entry('catalogList', 'helpdesk catalog list', '/helpdesk catalog list', 'catalog.manage'),
  entry('catalogAdd', 'helpdesk catalog add', '/helpdesk catalog add', 'catalog.manage'),
  entry('catalogEdit', 'helpdesk catalog edit', '/helpdesk catalog edit ID', 'catalog.manage'),
  entry('catalogRemove', 'helpdesk catalog remove', '/helpdesk catalog remove ID', 'catalog.manage'),
  entry('stats', 'helpdesk stats', '/helpdesk stats [7d|30d]', 'stats.view'),
  entry('redactComment', 'helpdesk redact', '/helpdesk redact LINK [replacement]', 'comment.redact'),
  entry(
    'redactTicket',
    'helpdesk redact',
    '/helpdesk redact ticket:N part:title|description|rating [replacement]',
    'ticket.redact',
    { slackUsage: '/helpdesk redact N title|description|rating [replacement]' },
  ),
  entry('forget', 'helpdesk forget', '/helpdesk forget @person|id:PLATFORM:ID', 'person.forget', {
    slackUsage: '/helpdesk forget @person|slack:U…|discord:…',
  }),
  entry('export', 'helpdesk export', '/helpdesk export @person', 'person.export'),
  entry('language', 'helpdesk language', '/helpdesk language da|en', 'person.language'),
  entry('dashboard', 'helpdesk dashboard', '/helpdesk dashboard', 'dashboard.sign_in'),
  // A ticket from a message: Discord's message command, Slack's shortcut (or the ticket reaction).
  entry('ticketFromMessage', t('en', 'commands.ticketFromMessage'), '', 'ticket.open', { platforms: DISCORD_ONLY }),
  entry('ticketFromMessageShortcut', '', '', 'ticket.open', { platforms: SLACK_ONLY }),
  entry('repliesList', 'helpdesk replies list', '/helpdesk replies list', 'replies.manage'),
  entry('repliesAdd', 'helpdesk replies add', '/helpdesk replies add', 'replies.manage'),
  entry('repliesEdit', 'helpdesk replies edit', '/helpdesk replies edit NAME', 'replies.manage'),
  entry('repliesRemove', 'helpdesk replies remove', '/helpdesk replies remove NAME', 'replies.manage'),
  // Slack has no slash commands in threads: a saved reply is the card's "Saved reply" button there.
  entry('reply', 'reply', '/reply NAME', 'replies.use', { platforms: DISCORD_ONLY }),
  entry('replyButton', '', '', 'replies.use', { platforms: SLACK_ONLY }),
  entry('help', 'helpdesk help', '/helpdesk help', 'help.read'),
];

/** A stand-in person of each role, for asking the authorisation table what the role may do. */
const ROLE_PEOPLE: Record<Role, { id: number; tier: 1 | null; isAdmin: boolean }> = {
  customer: { id: 1, tier: null, isAdmin: false },
  supporter: { id: 1, tier: 1, isAdmin: false },
  admin: { id: 1, tier: null, isAdmin: true },
};

/** Whether a role may run the command: on a ticket of their own counts (a customer's `/tickets show`). */
export function roleMayRun(role: Role, guard: Action): boolean {
  const person = ROLE_PEOPLE[role];
  return decide(person, guard, { customerId: person.id }).allowed;
}

/** The commands a role may run on a platform, in the catalogue's order. */
export function commandsFor(role: Role, platform: Platform): CommandEntry[] {
  return COMMAND_CATALOGUE.filter((c) => c.platforms.includes(platform) && roleMayRun(role, c.guard));
}

export interface HelpLine {
  /** The command as written on this platform; '' for a shortcut, whose text says it all. */
  usage: string;
  /** What it does, in the reader's language. */
  text: string;
}

/** `/helpdesk help` for a reader: what their role may run on this platform, in their language. */
export function helpList(role: Role, platform: Platform, language: Language): HelpLine[] {
  return commandsFor(role, platform).map((c) => ({
    usage: platform === 'slack' ? (c.slackUsage ?? c.usage) : c.usage,
    text: t(language, `help.${c.id}`),
  }));
}

/** The heading above the list: who the reader is, in their language. */
export function helpHeading(role: Role, language: Language): string {
  return t(language, 'help.heading', { role: t(language, `common.role.${role}`) });
}
