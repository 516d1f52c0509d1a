import { CATALOGS, DEFAULT_LANGUAGE, LANGUAGES, languageOf, parseLanguage, t } from '../../src/core/texts';

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
