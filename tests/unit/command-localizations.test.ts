import { ApplicationCommandType } from 'discord.js';
import { commandDefinitions } from '../../src/bots/discord/register-commands';
import { choiceKey, descriptionKey, discordLocale } from '../../src/bots/discord/command-localizations';
import { LANGUAGES } from '../../src/core/texts';

interface Node {
  name: string;
  description: string;
  description_localizations?: Record<string, string> | null;
  options?: Node[];
  choices?: Array<{ name: string; value: string | number; name_localizations?: Record<string, string> | null }>;
}

/** Every command, sub-command and option, with its path (`helpdesk sla set priority`). */
function walk(nodes: Node[], path: string[] = []): Array<{ path: string[]; node: Node }> {
  return nodes.flatMap((node) => [
    { path: [...path, node.name], node },
    ...walk(node.options ?? [], [...path, node.name]),
  ]);
}

/** The slash commands (message commands have a name and no description). */
const slashCommands = () =>
  commandDefinitions().filter((c) => (c.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput);
const all = walk(slashCommands() as unknown as Node[]);
const otherLocales = LANGUAGES.filter((l) => l !== 'en').map((l) => discordLocale(l)!);

describe('Discord commands in every language', () => {
  it('names every language a Discord locale', () => {
    expect(otherLocales).toContain('da');
    expect(otherLocales.every(Boolean)).toBe(true);
  });

  it('takes every description from the catalog, keyed by the command path', () => {
    const missing = all.filter(({ path }) => !descriptionKey(path)).map(({ path }) => `commands.${path.join('.')}`);
    expect(missing).toEqual([]);
  });

  it('gives every description in every language, within Discord’s 100 characters', () => {
    const wrong = all.flatMap(({ path, node }) =>
      [node.description, ...otherLocales.map((l) => node.description_localizations?.[l])]
        .filter((text) => !text || text.length > 100)
        .map((text) => `${path.join(' ')}: ${text ?? '(none)'}`),
    );
    expect(wrong).toEqual([]);
  });

  it('names every worded choice in every language (values stay as the commands read them)', () => {
    const choices = all.flatMap(({ node }) => node.choices ?? []);
    expect(choices.length).toBeGreaterThan(10);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      if (!choiceKey(choice.value)) continue;
      for (const locale of otherLocales) expect(choice.name_localizations?.[locale]).toEqual(expect.any(String));
    }
    const queue = choices.find((c) => c.value === 'queue')!;
    expect(queue.name_localizations).toEqual({ da: 'køen' });
  });

  it('names the message command in every language, within Discord’s 32 characters', () => {
    const command = commandDefinitions().find((c) => c.type === ApplicationCommandType.Message)!;
    const names = [command.name, ...Object.values(command.name_localizations ?? {})];
    expect(names).toHaveLength(LANGUAGES.length);
    expect(names.filter((n) => !n || n.length > 32)).toEqual([]);
  });

  it('keeps the command names as the product gives them', () => {
    expect(slashCommands().map((c) => c.name)).toEqual(['ticket', 'note', 'reply', 'tickets', 'kb', 'helpdesk']);
    const ticket = all.find(({ path }) => path.join(' ') === 'ticket')!.node;
    expect(ticket.description_localizations).toEqual({ da: 'Opret en supportsag' });
  });
});
