import { readdirSync } from 'node:fs';
import i18next, { type i18n, type InitOptions } from 'i18next';
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
export const TRANSLATOR_OPTIONS: InitOptions = {
  resources: Object.fromEntries(LANGUAGES.map((lng) => [lng, { translation: CATALOGS[lng] }])),
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
};
const translator: i18n = i18next.createInstance();
void translator.init(TRANSLATOR_OPTIONS);

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
  if (params) return withParams(lng, key, params);
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

/**
 * A text with values, through its template: i18next is asked once per language, key, value names
 * (and `count`, which picks the plural form) with a marker in place of each value, and the
 * answer is kept as its pieces; filling it in again is joining the pieces with the values. (A
 * batch of reminders says one text a thousand times with another number and day each; i18next
 * took two thirds of planning it.) What comes out is what i18next says (the catalogs use only
 * `{{name}}` and plural forms; no escaping, no nesting), but that a value is put in as it is:
 * i18next fills a later value into an earlier one spelt like its placeholder (a title `{{number}}`).
 */
function withParams(lng: Language, key: TextKey, params: TextParams): string {
  const names = Object.keys(params);
  for (const name of names) {
    // A name i18next reads as an option of its own (context, lng, …), or a value that is no string
    // or number (i18next says null and undefined as nothing), is left to i18next.
    const value: unknown = params[name];
    if (!PLAIN_NAME.test(name) || I18NEXT_OPTIONS.has(name) || (typeof value !== 'string' && typeof value !== 'number'))
      return translator.t(key, { ...params, lng }) as string;
  }
  const count = params.count;
  const id = `${lng}\u0000${key}\u0000${names.join(',')}\u0000${typeof count}:${String(count)}`;
  let template = templates.get(id);
  if (!template) {
    const markers = Object.fromEntries(names.map((name, i) => [name, `\ue000${i}\ue001`]));
    // The real count picks the plural form; `replace` is what is filled in: markers of a private-use
    // code point no catalog holds.
    const marked = translator.t(key, { lng, ...(count === undefined ? {} : { count }), replace: markers }) as string;
    template = marked.split(/\ue000(\d+)\ue001/).map((piece, i) => (i % 2 === 1 ? Number(piece) : piece));
    if (templates.size >= MAX_TEMPLATES) templates.clear();
    templates.set(id, template);
  }
  let text = '';
  for (let i = 0; i < template.length; i++) {
    const piece = template[i];
    text += typeof piece === 'number' ? String(params[names[piece]]) : piece;
  }
  return text;
}

/** A text's pieces: its words, and the index (in the value names) of each value between them. */
const templates = new Map<string, Array<string | number>>();
/** Bounds the templates kept: a `count` makes one per value used. */
const MAX_TEMPLATES = 5000;
const PLAIN_NAME = /^[a-z][A-Za-z0-9]*$/;
const I18NEXT_OPTIONS = new Set([
  'lng',
  'lngs',
  'ns',
  'context',
  'ordinal',
  'replace',
  'defaultValue',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'interpolation',
  'skipInterpolation',
  'nest',
  'keySeparator',
  'nsSeparator',
  'fallbackLng',
]);

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
