import { readdirSync } from 'node:fs';
import i18next, { type i18n } from 'i18next';
import type { Catalog, TextKey, TextParams } from './catalog';
import { en } from './en';

export type { Catalog, TextKey, TextParams } from './catalog';

/** A language code as the catalogs are named (`en`, `da`). */
export type Language = string;
export const DEFAULT_LANGUAGE: Language = 'en';

/**
 * The catalogs are the files beside this one named by a language code (`da.ts`, built to
 * `da.js`), each exporting its catalog under that name: adding a language is adding one file.
 */
function loadCatalogs(): Record<Language, Catalog> {
  const catalogs: Record<Language, Catalog> = { en };
  for (const file of readdirSync(__dirname)) {
    const match = /^([a-z]{2,3})\.(?:ts|js)$/.exec(file);
    if (!match || match[1] === 'en') continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the language files are found at run time
    const module = require(`./${file}`) as Record<string, Catalog | undefined>;
    const catalog = module[match[1]];
    if (catalog) catalogs[match[1]] = catalog;
  }
  return catalogs;
}

export const CATALOGS: Readonly<Record<Language, Catalog>> = loadCatalogs();
export const LANGUAGES: readonly Language[] = Object.keys(CATALOGS).sort((a, b) =>
  a === DEFAULT_LANGUAGE ? -1 : b === DEFAULT_LANGUAGE ? 1 : a.localeCompare(b),
);

/**
 * i18next for what a text catalog needs and should not be written again: plural forms by each
 * language's own rules (Intl.PluralRules), interpolation, and falling back to English for a key
 * a new language has not translated yet. Texts are plain: escaping is the output's business (mrkdwn,
 * Discord markdown, HTML), so i18next's HTML escaping is off.
 */
const translator: i18n = i18next.createInstance();
void translator.init({
  resources: Object.fromEntries(LANGUAGES.map((lng) => [lng, { translation: CATALOGS[lng] }])),
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
});

/** A language this helpdesk has texts in, from a code or a platform locale (`da`, `da-DK`, `en-US`), else undefined. */
export function parseLanguage(code: string | null | undefined): Language | undefined {
  if (!code) return undefined;
  if (LANGUAGES.includes(code)) return code; // the usual case: already a catalog's code
  const base = code.trim().toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.includes(base) ? base : undefined;
}

const plainTexts: Record<Language, Map<TextKey, string>> = {};

/** The text `key` in `language` (English when the language is unknown), with `params` filled in. */
export function t(language: Language, key: TextKey, params?: TextParams): string {
  const lng = parseLanguage(language) ?? DEFAULT_LANGUAGE;
  if (params) return translator.t(key, { ...params, lng }) as string;
  // A text without parameters never changes: asked once of i18next (~5–10 µs a call), then
  // remembered; a dashboard page asks for its column labels hundreds of times.
  const cache = plainTexts[lng] ?? (plainTexts[lng] = new Map());
  let text = cache.get(key);
  if (text === undefined) {
    text = translator.t(key, { lng }) as string;
    cache.set(key, text);
  }
  return text;
}

/** A translator bound to one language, for code that says several things to the same reader. */
export function textsFor(language: Language): (key: TextKey, params?: TextParams) => string {
  return (key, params) => t(language, key, params);
}

/**
 * The language a person reads: their own choice (or the one remembered from their client), else
 * their client's `locale` as the platform gives it, else the helpdesk's (`HELPDESK_LANGUAGE`).
 */
export function languageOf(
  person: { language?: string | null } | undefined,
  helpdeskLanguage: Language,
  locale?: string | null,
): Language {
  return (
    parseLanguage(person?.language) ?? parseLanguage(locale) ?? parseLanguage(helpdeskLanguage) ?? DEFAULT_LANGUAGE
  );
}
