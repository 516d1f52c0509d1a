import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGS, LANGUAGES, t, type TextKey } from '../../src/core/texts';

/**
 * Every key a Slack modal shows as its title, its submit or its close word: Slack refuses more than
 * 24 characters there, and the view is sent as written (no cut at run time), so each must fit whole
 * in every language. The scan below holds that the Slack adapter uses no other key there.
 */
const SLACK_MODAL_KEYS = [
  // titles
  'forms.ticket.title',
  'forms.rating.title',
  'forms.service.titleNew',
  'forms.service.titleEdit',
  'forms.article.titleNewShort',
  'forms.article.titleEdit',
  'card.note.title',
  'savedRepliesChat.pickTitle',
  'savedRepliesChat.formTitleNew',
  'savedRepliesChat.formTitleEdit',
  'dashboard.title',
  'waysIn.refusedTitle',
  'slackForms.escalateTitle',
  'common.ticketNumber',
  // submit and close
  'forms.cancel',
  'forms.close',
  'forms.send',
  'forms.ticket.next',
  'forms.ticket.open',
  'card.note.add',
  'card.action.escalate',
  'savedRepliesChat.send',
  'savedRepliesChat.save',
  'forms.service.save',
  'forms.service.add',
  'forms.article.save',
  'forms.article.create',
  'waysIn.cancel',
];
const exactly = (keys: string[]) => new RegExp(`^(${keys.map((k) => k.replace(/\./g, '\\.')).join('|')})$`);

/**
 * Where a text is shown decides how long it may be. Each rule names the keys shown there (by
 * pattern) and the platforms' limit; every language's text, filled in with long sample values,
 * must fit. A key that matches no rule is not shown in a limited place.
 */
const RULES: Array<{ where: string; keys: RegExp; max: number }> = [
  // Slack's modal title and its submit/close words: 24; Discord's modal title: 45.
  { where: 'Slack modal title, submit and close', keys: exactly(SLACK_MODAL_KEYS), max: 24 },
  {
    where: 'Discord modal title',
    keys: /^(forms\.[a-z]+\.title(For|Service|New|Edit)?|savedRepliesChat\.(formTitleNew|formTitleEdit|editTitle))$/,
    max: 45,
  },
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

/** Long values for the placeholders: a seven-digit ticket number and id, a long name. */
const SAMPLE: Record<string, string | number> = {
  number: 9_999_999,
  id: 9_999_999,
  person: 'Alexandra Christensen',
  service: 'Printer',
};

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

/** The catalog keys the Slack adapter puts in a modal's title, submit or close (a view's, or formView's title and submit). */
function slackModalKeysInSource(): Array<{ file: string; key: string }> {
  const root = join(__dirname, '../../src/bots/slack');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
    });
  const keyIn = /\b(?:tr|say|t)\((?:[^'()]*,\s*)?'([a-zA-Z]+(?:\.[a-zA-Z_]+)+)'/g;
  const found: Array<{ file: string; key: string }> = [];
  for (const file of files(root)) {
    const source = readFileSync(file, 'utf8');
    const places = [
      // `title: …` on its line, or `title: {` to the first `}` (a plain_text object over several lines).
      ...[...source.matchAll(/^\s*(?:title|submit|close):(?:[^\n{]*\{[\s\S]*?\}|[^\n]*)/gm)].map((m) => m[0]),
      // formView(tr, callback, carried, title, submit, blocks): what comes before the blocks.
      ...[...source.matchAll(/\bformView\(([^[]*)\[/g)].map((m) => m[1]),
    ];
    for (const place of places)
      for (const m of place.matchAll(keyIn)) found.push({ file: file.slice(root.length + 1), key: m[1] });
    // A key chosen between two in a ternary inside the call: both are keys used there.
    for (const place of places)
      for (const m of place.matchAll(/\?\s*'([a-zA-Z]+(?:\.[a-zA-Z_]+)+)'\s*:\s*'([a-zA-Z]+(?:\.[a-zA-Z_]+)+)'/g))
        found.push({ file: file.slice(root.length + 1), key: m[1] }, { file: file.slice(root.length + 1), key: m[2] });
  }
  return found;
}

describe("Slack modals' titles and buttons fit whole", () => {
  it('uses only keys the limits test holds within 24 characters', () => {
    const used = slackModalKeysInSource();
    expect(used.filter(({ key }) => !SLACK_MODAL_KEYS.includes(key))).toEqual([]);
    // …and the list names no key the adapter has stopped using there (the scan sees every place).
    expect([...new Set(used.map(({ key }) => key))].sort()).toEqual([...SLACK_MODAL_KEYS].sort());
  });

  it('cuts none of them at run time', () => {
    const root = join(__dirname, '../../src/bots/slack');
    const cutTitles = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) return cutTitles(path);
        return readFileSync(path, 'utf8')
          .split('\n')
          .filter((line) => /^\s*(title|submit|close):.*\.(slice|substring)\(/.test(line))
          .map((line) => `${name}: ${line.trim()}`);
      });
    expect(cutTitles(root)).toEqual([]);
  });
});
