import { ApplicationCommandType, Locale, type RESTPutAPIApplicationCommandsJSONBody } from 'discord.js';
import { CATALOGS, DEFAULT_LANGUAGE, LANGUAGES, t, type Language, type TextKey } from '../../core/texts';

/** Discord's locale for a catalog's language (`da` → `da`, `sv` → `sv-SE`); English is the commands' own words. */
export function discordLocale(language: Language): Locale | undefined {
  const locales = Object.values(Locale) as string[];
  return (locales.find((l) => l === language) ?? locales.find((l) => l.startsWith(`${language}-`))) as
    Locale | undefined;
}

/** Whether the English catalog has the text `key` (dotted). */
export function hasText(key: string): boolean {
  let node: unknown = CATALOGS[DEFAULT_LANGUAGE];
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object' || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

/** The text in every other language Discord has a locale for, as Discord's `*_localizations`. */
export function localizations(key: TextKey): Partial<Record<Locale, string>> {
  return Object.fromEntries(
    LANGUAGES.filter((l) => l !== DEFAULT_LANGUAGE)
      .map((l) => [discordLocale(l), t(l, key)] as const)
      .filter(([locale]) => locale !== undefined),
  );
}

/** The catalog key of a command's, sub-command's or option's description: `commands.<path>` (`._` for one with options). */
export function descriptionKey(path: string[]): TextKey | undefined {
  const key = `commands.${path.join('.')}`;
  if (hasText(`${key}._`)) return `${key}._` as TextKey;
  return hasText(key) ? (key as TextKey) : undefined;
}

/** The catalog key of a choice's name: `commands.choice.<value>`; a choice with none (P1, 7d, a language's own name) keeps its name. */
export const choiceKey = (value: string | number): TextKey | undefined =>
  hasText(`commands.choice.${value}`) ? (`commands.choice.${value}` as TextKey) : undefined;

interface Node {
  name: string;
  type?: number;
  description?: string;
  description_localizations?: Partial<Record<Locale, string> | null>;
  options?: Node[];
  choices?: Array<{
    name: string;
    value: string | number;
    name_localizations?: Partial<Record<Locale, string>> | null;
  }>;
}

function localizeNode(node: Node, path: string[]): void {
  const key = descriptionKey(path);
  if (key) {
    node.description = t(DEFAULT_LANGUAGE, key);
    node.description_localizations = localizations(key);
  }
  for (const choice of node.choices ?? []) {
    const name = choiceKey(choice.value);
    if (!name) continue;
    choice.name = t(DEFAULT_LANGUAGE, name);
    choice.name_localizations = localizations(name);
  }
  for (const option of node.options ?? []) localizeNode(option, [...path, option.name]);
}

/**
 * Fills every command's, sub-command's and option's description, and every choice's name, from the
 * catalog (section `commands`, keys named by the command path: `commands.tickets.assign.person`), with
 * the other languages as Discord localizations. Names stay as they are: the product's commands.
 */
export function localizeCommands(
  definitions: RESTPutAPIApplicationCommandsJSONBody,
): RESTPutAPIApplicationCommandsJSONBody {
  // Message commands have no description: their name is their text, localized where they are defined.
  for (const command of definitions as Node[])
    if (command.type !== ApplicationCommandType.Message) localizeNode(command, [command.name]);
  return definitions;
}
