import i18next from 'i18next';
import {
  CATALOGS,
  DEFAULT_LANGUAGE,
  LANGUAGES,
  languageOf,
  parseLanguage,
  t,
  TRANSLATOR_OPTIONS,
  type TextKey,
} from '../../src/core/texts';

type Tree = { [key: string]: string | Tree };

/** Every text of a catalog by its dotted key, plural forms kept apart (`a.count_one`). */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();
const english = flatten(CATALOGS[DEFAULT_LANGUAGE] as unknown as Tree);

describe('the text catalogs', () => {
  test('English and Danish are there', () => {
    expect(LANGUAGES).toEqual(expect.arrayContaining(['en', 'da']));
    expect(LANGUAGES[0]).toBe('en');
  });

  describe.each(LANGUAGES.filter((l) => l !== DEFAULT_LANGUAGE))('%s', (language) => {
    const texts = flatten(CATALOGS[language] as unknown as Tree);

    test('has every English key and no other', () => {
      const missing = [...english.keys()].filter((k) => !texts.has(k));
      const extra = [...texts.keys()].filter((k) => !english.has(k));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    test('fills in the same values as English, key for key', () => {
      const differing = [...english]
        .filter(([key, text]) => texts.has(key) && placeholders(text).join() !== placeholders(texts.get(key)!).join())
        .map(([key]) => key);
      expect(differing).toEqual([]);
    });

    test('translates something: no text left empty', () => {
      expect([...texts].filter(([, text]) => !text.trim()).map(([key]) => key)).toEqual([]);
    });
  });
});

describe('t', () => {
  test('fills in values, in the language asked, English for a language it has no texts in', () => {
    expect(t('en', 'common.ticketNumber', { number: 42 })).toBe('#42');
    expect(t('da', 'savedReplies.title')).toBe('Gemte svar');
    expect(t('xx', 'savedReplies.title')).toBe('Saved replies');
  });

  test('a platform locale names its language', () => {
    expect(parseLanguage('da')).toBe('da');
    expect(parseLanguage('en-US')).toBe('en');
    expect(parseLanguage('da-DK')).toBe('da');
    expect(parseLanguage('fr')).toBeUndefined();
    expect(parseLanguage(undefined)).toBeUndefined();
  });

  test("a person's own choice wins over the helpdesk's", () => {
    expect(languageOf({ language: 'da' }, 'en')).toBe('da');
    expect(languageOf({ language: null }, 'da')).toBe('da');
    expect(languageOf(undefined, 'en')).toBe('en');
  });
});

describe('t with values', () => {
  // i18next itself, set up as texts/index.ts sets it up: what `t` must say, through its templates or not.
  const i18n = i18next.createInstance();
  void i18n.init(TRANSLATOR_OPTIONS);
  const keys = [...new Set([...english.keys()].map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')))];
  // Values that would mean something to a replacement or to i18next if they were not put in as they are.
  const odd = ['$&', '$1 and $$', '{{ nothing }}', '$t(common.ticketNumber)', ''];

  test.each(LANGUAGES)('says in %s every text as i18next does, once compiled and again', (language) => {
    const differing: string[] = [];
    for (const key of keys) {
      const names = [...new Set(placeholders(english.get(key) ?? english.get(`${key}_other`) ?? ''))];
      const counts = names.includes('count') ? [0, 1, 2, 5, 21] : [undefined];
      for (const count of counts) {
        for (let i = 0; i < odd.length; i++) {
          const params: Record<string, string | number> = {};
          names.forEach((name, n) => (params[name] = n % 2 === 0 ? odd[(i + n) % odd.length] : 1000 + i));
          if (count !== undefined) params.count = count;
          const expected = i18n.t(key, { ...params, lng: language });
          for (const said of [t(language, key as TextKey, params), t(language, key as TextKey, params)])
            if (said !== expected) differing.push(`${key} ${JSON.stringify(params)}: ${said} ≠ ${expected}`);
        }
      }
    }
    expect(differing).toEqual([]);
  });

  test('no catalog holds the code points that mark a value in a template', () => {
    const marked = LANGUAGES.flatMap((language) =>
      [...flatten(CATALOGS[language] as unknown as Tree)].filter(([, text]) => /[\ue000\ue001]/.test(text)),
    );
    expect(marked).toEqual([]);
  });

  test('a value is put in as it is, even one spelt like a later value (which i18next would fill in)', () => {
    expect(t('en', 'refusals.notTierSupporter', { name: '{{number}}', tier: 2, number: 7 })).toBe(
      i18n
        .t('refusals.notTierSupporter', { name: '{{x}}', tier: 2, number: 7, lng: 'en' })
        .replace('{{x}}', '{{number}}'),
    );
  });

  test('a value missing, or named as an option of i18next, is said as i18next says it', () => {
    const values = { number: 7 } as Record<string, string | number>;
    expect(t('en', 'common.ticketNumber', {})).toBe(i18n.t('common.ticketNumber', { lng: 'en' }));
    expect(t('en', 'common.ticketNumber', { ...values, context: 'x' })).toBe(
      i18n.t('common.ticketNumber', { ...values, context: 'x', lng: 'en' }),
    );
    expect(t('da', 'common.ticketNumber', { number: undefined as unknown as string })).toBe(
      i18n.t('common.ticketNumber', { number: undefined, lng: 'da' }),
    );
  });
});
