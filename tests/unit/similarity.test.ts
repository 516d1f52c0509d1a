import { isLookAlike, sharedShare, trigramSimilarity, type LookAlikeScores } from '../../src/core/rules/similarity';
import {
  FILLER_WORDS,
  MAX_TERMS,
  SYNONYM_GROUPS,
  nearSpelling,
  searchQuery,
  searchTerms,
  spellingsOf,
  termsFoundOtherwise,
  withoutSignOff,
  wordsOf,
} from '../../src/core/rules/it-words';

const rule = { trigramAt: 0.5, sharedMin: 3, sharedAt: 0.35, serviceBonus: 0.2 };
const scores = (over: Partial<LookAlikeScores>): LookAlikeScores => ({
  trigram: 0.1,
  shared: 0,
  misspelt: 0,
  terms: 10,
  sameService: false,
  ...over,
});

describe('how alike two incidents are', () => {
  test.each([
    ['one wording retyped (trigrams alone)', scores({ trigram: 0.55 }), true],
    ['trigrams just below, nothing shared', scores({ trigram: 0.49 }), false],
    ['enough terms making up enough of the new report', scores({ shared: 4, terms: 10 }), true],
    ['a short report wholly found in the other', scores({ shared: 3, terms: 3 }), true],
    ['many terms but a small share of the new report', scores({ shared: 3, terms: 20 }), false],
    ['a large share but too few terms (a product name and one word)', scores({ shared: 2, terms: 2 }), false],
    ['the same service makes up a smaller share', scores({ shared: 3, terms: 15, sameService: true }), true],
    ['without it, that share is too small', scores({ shared: 3, terms: 15, sameService: false }), false],
    ['the same service alone is not enough', scores({ shared: 1, terms: 3, sameService: true }), false],
    ['a report with no terms left matches on trigrams only', scores({ shared: 0, terms: 0, trigram: 0.2 }), false],
    ['misspelt terms count as shared', scores({ shared: 2, misspelt: 2, terms: 10 }), true],
    ['misspelt terms alone are not enough, however many', scores({ shared: 0, misspelt: 6, terms: 10 }), false],
    ['one term as written and misspelt ones make up the minimum', scores({ shared: 1, misspelt: 2, terms: 6 }), true],
  ])('%s', (_name, s, expected) => {
    expect(isLookAlike(s, rule)).toBe(expected);
  });

  test.each([
    [{ shared: 3, misspelt: 0, terms: 6 }, 0.5],
    [{ shared: 3, misspelt: 0, terms: 12 }, 0.25],
    [{ shared: 2, misspelt: 1, terms: 12 }, 0.25],
    [{ shared: 5, misspelt: 0, terms: 4 }, 1],
    [{ shared: 0, misspelt: 0, terms: 0 }, 0],
  ])('the shared share of %o is %d', (s, expected) => {
    expect(sharedShare(s)).toBeCloseTo(expected);
  });
});

/** The search term of the synonym group a word is in. */
const group = (word: string) => SYNONYM_GROUPS.find((g) => g.includes(word))!.join(' | ');

describe('the search terms of a report', () => {
  test.each([
    ['a Danish word brings its English synonyms as one term', 'Adgangskode', '', [group('password')]],
    ['an English word brings its Danish synonyms', 'password expired', '', [group('password'), group('expired')]],
    ['a group counts once however many of its words appear', 'mail email mails', '', [group('mail')]],
    [
      'a sign-off and the name in it are left out',
      'Remote desktop down',
      'Citrix workspace hangs. Best regards, Camilla',
      [group('remote'), 'desktop', group('down'), 'citrix', 'workspace', group('hangs')],
    ],
    [
      'a product and its client are one term',
      'VPN down',
      'GlobalProtect times out',
      [group('vpn'), group('down'), 'out'],
    ],
    [
      'an ERP by any of its names is one term',
      'Navision hangs',
      'NAV and the ERP freeze',
      [group('erp'), group('hangs'), 'and', 'the'],
    ],
    [
      '"down", "fails" and "error" are one complaint',
      'Printer down',
      'printing fails with error',
      [group('printer'), group('down'), 'with'],
    ],
    [
      'who else is hit and how often say nothing about what broke',
      'Scanner broken',
      'same for all my colleagues every time',
      [group('scanner'), group('broken'), 'for', 'all', 'my'],
    ],
    [
      'a known word misspelt is read as the word, a misspelt filler left out',
      'MFA prrompts virkre ikke',
      '',
      [group('mfa'), group('prompts')],
    ],
    ['a spelling one typo from two known words ("mails", "fails") is neither', 'fmails', '', ['fmails']],
    [
      'an inflected form the list does not spell out is read as its word',
      'Kalenderne ordered',
      '',
      [group('calendar'), group('order')],
    ],
    ['a short word keeps its ending (no "lan" of "lane")', 'lane', '', ['lane']],
    [
      'a Danish and an English mail stuck in the outbox meet',
      'Mails sidder i udbakken',
      'outbox',
      [group('mail'), 'sidder', group('outbox')],
    ],
    ['a Danish compound is its last word', 'Kortlæseren lyser', '', [group('reader'), group('lyser')]],
    ['error codes are never read as typos', 'Fejl 0x80004005', '', [group('fejl'), '0x80004005']],
    [
      'error codes and product names stay whole',
      'Dropbox 0x8004de40',
      'error 502',
      ['dropbox', '0x8004de40', group('error'), '502'],
    ],
    ['greetings, pleas and sign-offs are left out', 'Hej', 'Please help, tak', []],
    [
      'punctuation can never become a query operator',
      "VPN & (down) | !now's",
      '',
      [group('vpn'), group('down'), 'now'],
    ],
  ])('%s', (_name, title, description, expected) => {
    expect(searchTerms(title, description)).toEqual(expected);
  });

  test.each([
    ['Outlook is down. Best regards, Camilla', 'Outlook is down'],
    ['Printerne er offline. Mvh Sofie', 'Printerne er offline'],
    ['3CX fails /Ole', '3CX fails'],
    ['mail fails. thank you!', 'mail fails'],
    ['Kalenderen er tom. Med venlig hilsen Anna Hansen', 'Kalenderen er tom'],
    ['Thanks to the update the printer is broken', 'Thanks to the update the printer is broken'],
  ])('the sign-off of %j is left out', (text, expected) => {
    expect(withoutSignOff(text)).toBe(expected);
  });

  test.each([
    ['registration', 'registration:*'],
    ['vpn', 'vpn'],
    ['down | nede | outage', 'down:* | nede:* | outage:*'],
    ['fil | filer', 'fil | filer:*'],
  ])('the term %j is searched as %j (words of four letters or more as prefixes)', (term, expected) => {
    expect(searchQuery(term)).toBe(expected);
  });

  test.each([
    ['a letter doubled', 'outlook', 'outtlook', true],
    ['a letter dropped', 'outlook', 'oulook', true],
    ['two letters swapped', 'teams', 'temas', true],
    ['a letter changed', 'forbinde', 'forbimde', true],
    ['a four-letter word one letter short of a longer one', 'email', 'eail', true],
    ['two typos apart', 'outlook', 'otluok', false],
    ['short words are never typos of each other', 'card', 'cart', false],
    ['error codes one digit apart are other errors', '0x80004005', '0x80004006', false],
  ])('%s: %j and %j are near spellings: %s', (_name, a, b, expected) => {
    expect(nearSpelling(a, b)).toBe(expected);
    expect(nearSpelling(b, a)).toBe(expected);
  });

  test.each([
    ['the other misspelt a term', ['globalprotect'], 'VPN', 'GlobalProtcet fails', 1],
    ['any word of a group, misspelt', [group('notification')], 'MFA', 'no notificatiion', 1],
    ['words the other lacks', ['globalprotect', 'gateway'], 'VPN', 'AnyConnect fails', 0],
    ['two known words one letter apart are two words', [group('fails')], 'Mails', 'files', 0],
    [
      'a group the other names at the end of a compound',
      [group('door'), group('reader')],
      'Dørlæseren',
      'ved sideindgangen',
      2,
    ],
  ])('%s', (_name, terms, title, description, expected) => {
    expect(termsFoundOtherwise(terms, spellingsOf(title, description))).toBe(expected);
  });

  test('a long report keeps its first terms only', () => {
    const long = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    expect(searchTerms(long, '')).toHaveLength(MAX_TERMS);
  });

  test('words are lower-case letters and digits, Danish letters included', () => {
    expect(wordsOf('Trådløst NETVÆRK: fejl-404!')).toEqual(['trådløst', 'netværk', 'fejl', '404']);
  });

  test('no word is in two synonym groups, and no filler word is in a group', () => {
    const words = SYNONYM_GROUPS.flat();
    expect(new Set(words).size).toBe(words.length);
    expect(words.filter((w) => FILLER_WORDS.has(w))).toEqual([]);
    expect(words.filter((w) => w !== w.toLowerCase() || !/^[\p{L}\p{N}]+$/u.test(w))).toEqual([]);
  });
});

describe("titles' trigram similarity, as pg_trgm's similarity() gives it", () => {
  test.each([
    ['shared over those of either', ['  a', ' ab', 'abc'], [' ab', 'abc', 'bc '], 0.5],
    ['the same trigrams', ['  a', ' ab'], ['  a', ' ab'], 1],
    ['none shared', ['  a'], ['  b'], 0],
    ['a title with no trigrams (no letters or digits)', [], ['  a'], 0],
    // float4, printed as the shortest decimal that is that float4, as PostgreSQL sends it
    ['two in five', ['  a', ' ab', 'abc', 'bc '], ['  a', ' ab', 'xyz'], 0.4],
    ['one in seven, in float4', ['  a'], ['  a', '  b', '  c', '  d', '  e', '  f', '  g'], 0.14285715],
  ])('%s', (_name, probe, other, expected) => {
    expect(trigramSimilarity(new Set(probe), other)).toBe(expected);
  });
});
