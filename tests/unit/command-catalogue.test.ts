import { commandDefinitions } from '../../src/bots/discord/register-commands';
import { PERMISSIONS } from '../../src/core/rules/authorization';
import {
  COMMAND_CATALOGUE,
  commandsFor,
  helpHeading,
  helpList,
  roleMayRun,
} from '../../src/core/rules/command-catalogue';
import type { Role } from '../../src/core/model';

const ROLES: Role[] = ['customer', 'supporter', 'admin'];

/** Every command Discord is told of, by its full name (`helpdesk sla set`). */
function discordCommands(): string[] {
  type Option = { name: string; type: number; options?: Option[] };
  const names: string[] = [];
  const walk = (prefix: string, options: Option[] | undefined) => {
    const subs = (options ?? []).filter((o) => o.type === 1 || o.type === 2);
    if (subs.length === 0) names.push(prefix);
    for (const o of subs) walk(`${prefix} ${o.name}`, o.options);
  };
  for (const c of commandDefinitions() as Array<{ name: string; options?: Option[] }>) walk(c.name, c.options);
  return names.sort();
}

describe('the command catalogue', () => {
  test('names every command Discord offers, and none it does not', () => {
    const catalogued = new Set(COMMAND_CATALOGUE.filter((c) => c.platforms.includes('discord')).map((c) => c.command));
    expect([...catalogued].sort()).toEqual(discordCommands());
  });

  test("each role's list is exactly the commands whose guarding action the authorisation table grants it", () => {
    for (const role of ROLES)
      for (const platform of ['discord', 'slack'] as const) {
        const shown = commandsFor(role, platform).map((c) => c.id);
        const granted = COMMAND_CATALOGUE.filter((c) => {
          const grant = PERMISSIONS[c.guard][role];
          return c.platforms.includes(platform) && grant !== 'no';
        }).map((c) => c.id);
        expect(shown).toEqual(granted);
      }
  });

  test('a customer sees what customers run; staff add their work; admins everything', () => {
    expect(commandsFor('customer', 'discord').map((c) => c.id)).toEqual([
      'ticket',
      'ticketsList',
      'ticketsShow',
      'ticketsSearch',
      'ticketsTranscript',
      'kbSearch',
      'kbRead',
      'language',
      'dashboard',
      'ticketFromMessage',
      'help',
    ]);
    const supporter = commandsFor('supporter', 'slack').map((c) => c.id);
    expect(supporter).toEqual(expect.arrayContaining(['ticketOnBehalf', 'ticketsAssign', 'noteShortcut', 'away']));
    expect(supporter).not.toContain('note');
    expect(supporter).not.toContain('staffAdd');
    expect(supporter).not.toContain('awayOther');
    expect(supporter).toContain('replyButton');
    expect(supporter).not.toContain('repliesAdd');
    expect(commandsFor('supporter', 'discord').map((c) => c.id)).toContain('reply');
    expect(commandsFor('customer', 'discord').map((c) => c.id)).not.toContain('reply');
    // Everything but Slack's two shortcuts and its "Saved reply" button.
    expect(commandsFor('admin', 'discord')).toHaveLength(COMMAND_CATALOGUE.length - 3);
    expect(roleMayRun('customer', 'ticket.view')).toBe(true);
    expect(roleMayRun('supporter', 'stats.view')).toBe(false);
  });

  test('each platform writes a command its own way; the words are in the reader’s language', () => {
    const find = (list: ReturnType<typeof helpList>, usage: string) => list.find((l) => l.usage === usage);
    const slackAdmin = helpList('admin', 'slack', 'en');
    expect(find(slackAdmin, '/tickets')?.text).toBe('your tickets (staff: yours, then the queue)');
    expect(find(slackAdmin, '/helpdesk setup [#channel]')).toBeDefined();
    expect(find(helpList('admin', 'discord', 'da'), '/helpdesk setup [channel:#channel]')?.text).toBe(
      'supportkanalen, hvor sagernes tråde oprettes (standard: her)',
    );
    expect(find(helpList('customer', 'discord', 'da'), '/ticket')?.text).toBe('opret en sag');
    expect(helpHeading('customer', 'en')).toBe('What you can run (customer):');
    expect(helpHeading('admin', 'da')).toBe('Det kan du bruge (administrator):');
  });
});
