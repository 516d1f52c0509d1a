import { commandDefinitions } from '../../src/bots/discord/register-commands';
import { HELPDESK } from '../../src/bots/slack/commands/helpdesk';
import { KB } from '../../src/bots/slack/commands/kb';
import { TICKETS } from '../../src/bots/slack/commands/tickets';
import { findSubCommand, type SubCommandTable } from '../../src/bots/slack/commands/sub-command';
import { commandsFor } from '../../src/core/rules/command-catalogue';

interface Node {
  name: string;
  type?: number;
  options?: Node[];
}
const CHAT_INPUT = 1;
const SUBCOMMAND = 1;
const GROUP = 2;

/** Every command Discord offers, as typed: `ticket`, `tickets list`, `helpdesk sla set`. */
function discordCommands(): string[] {
  const leaves = (node: Node, path: string[]): string[] => {
    const subs = (node.options ?? []).filter((o) => o.type === SUBCOMMAND || o.type === GROUP);
    return subs.length === 0 ? [path.join(' ')] : subs.flatMap((s) => leaves(s, [...path, s.name]));
  };
  // Slash commands only: Discord's message command has Slack's "Ticket from message" shortcut as its twin.
  return (commandDefinitions() as unknown as Node[])
    .filter((c) => (c.type ?? CHAT_INPUT) === CHAT_INPUT)
    .flatMap((c) => leaves(c, [c.name]));
}

/** Slack's slash commands and the table that answers each (`/ticket` takes no sub-command). */
const SLACK: Record<string, SubCommandTable | 'whole'> = {
  ticket: 'whole',
  tickets: TICKETS,
  kb: KB,
  helpdesk: HELPDESK,
};

/** Whether Slack answers `command` with a sub-command of its own (not the table's "what it takes"). */
function slackAnswers(command: string): boolean {
  const [name, ...words] = command.split(' ');
  const table = SLACK[name];
  if (!table) return false;
  if (table === 'whole') return words.length === 0;
  const found = findSubCommand(table, words);
  return found !== undefined && found.run !== table['*'] && (words.length > 0 || found.run === table['']);
}

/** On Slack, an internal note is a message shortcut and a saved reply a button: no slash command. */
const DISCORD_ONLY = ['note', 'reply'];

describe('every Discord command has its Slack twin', () => {
  it('answers every Discord command and sub-command on Slack too (except /note and /reply)', () => {
    const commands = discordCommands();
    expect(commands).toEqual(expect.arrayContaining(['ticket', 'tickets list', 'helpdesk staff add', 'helpdesk mark']));
    const missing = commands.filter((c) => !DISCORD_ONLY.includes(c.split(' ')[0]) && !slackAnswers(c));
    expect(missing).toEqual([]);
  });

  it('offers in Slack’s /helpdesk help only commands Slack answers', () => {
    const listed = commandsFor('admin', 'slack').filter((c) => c.command !== '');
    expect(listed.length).toBeGreaterThan(20);
    expect(listed.filter((c) => !slackAnswers(c.command)).map((c) => c.command)).toEqual([]);
  });

  it('tells an unknown sub-command from a known one (the check is not blind)', () => {
    expect(slackAnswers('helpdesk sla hours')).toBe(true);
    expect(slackAnswers('helpdesk nonsense')).toBe(false);
    expect(slackAnswers('tickets')).toBe(true);
  });
});
