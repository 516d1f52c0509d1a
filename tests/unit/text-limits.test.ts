import { CATALOGS, LANGUAGES, t, type TextKey } from '../../src/core/texts';

/**
 * Where a text is shown decides how long it may be. Each rule names the keys shown there (by
 * pattern) and the platforms' limit; every language's text, filled in with long sample values,
 * must fit. A key that matches no rule is not shown in a limited place.
 */
const RULES: Array<{ where: string; keys: RegExp; max: number }> = [
  // Slack's modal title and its submit/close words: 24; Discord's modal title: 45.
  {
    where: 'Slack modal title',
    keys: /^(forms\.(ticket\.title|rating\.title|service\.title(New|Edit)|article\.title(NewShort|Edit))|card\.note\.title)$/,
    max: 24,
  },
  { where: 'Discord modal title', keys: /^forms\.[a-z]+\.title(For|Service|New|Edit)?$/, max: 45 },
  { where: 'Slack modal submit/close', keys: /^forms\.(cancel|send|ticket\.(next|open))$/, max: 24 },
  // Discord's modal labels: 45.
  {
    where: 'Discord modal label',
    keys: /^forms\.(ticket\.(fieldTitle|fieldDescription|type|impact|urgency)|answers\.\w+|rating\.comment|service\.(name|description|covered|checks|questions)|article\.(title|tags|body|who))$/,
    max: 45,
  },
  // Select options: Slack 75, Discord 100.
  {
    where: 'select option',
    keys: /^(forms\.ticket\.\w+Option\.\w+|forms\.service\.(notCovered|coveredTier)|forms\.article\.(staffOnly|everyone)|forms\.guide\.(back|more|page|notCovered|somethingElse\w*|chooseService)|card\.choose\.(leastLoaded|who|reassignTo))$/,
    max: 75,
  },
  // Buttons: Slack 75, Discord 80.
  {
    where: 'button',
    keys: /^(answers\.privacy\.(erase|cancel)|card\.action\.\w+|card\.note\.add|forms\.guide\.(reportProblem|askFor|solvedIt|articleSolvedIt|openTicket|openWaiting|showWaiting)|people\.linkButton\.\w+|lookAlike\.(declare|notRelated\w*)|slack\.dm\.newTicket)$/,
    max: 75,
  },
  // Discord command and option descriptions, and choice names: 100.
  { where: 'Discord command description', keys: /^commands\./, max: 100 },
];

/** Long values for the placeholders: a five-digit ticket number, a long name. */
const SAMPLE: Record<string, string | number> = { number: 99999, person: 'Alexandra Christensen', service: 'Printer' };

function keys(node: unknown, prefix = ''): string[] {
  if (typeof node === 'string') return [prefix];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

const ALL = keys(CATALOGS.en);

describe('every text within the limits of where it is shown, in every language', () => {
  it.each(RULES)('$where (≤ $max)', ({ keys: pattern, max }) => {
    const shown = ALL.filter((k) => pattern.test(k));
    expect(shown.length).toBeGreaterThan(0);
    const tooLong = LANGUAGES.flatMap((language) =>
      shown
        .map((key) => ({ language, key, text: t(language, key as TextKey, SAMPLE) }))
        .filter(({ text }) => text.length > max),
    );
    expect(tooLong).toEqual([]);
  });

  it('gives every language every key English has (a language file that lacks one says which)', () => {
    for (const language of LANGUAGES) {
      const own = new Set(keys(CATALOGS[language]));
      expect({ language, missing: ALL.filter((k) => !own.has(k)) }).toEqual({ language, missing: [] });
    }
  });
});
