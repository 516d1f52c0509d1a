import {
  catalogListText,
  linesOf,
  optionsPage,
  pickService,
  serviceOptions,
  SOMETHING_ELSE,
  type Service,
} from '../../src/core/rules/catalog';

const service = (id: number, name: string, extra: Partial<Service> = {}): Service => ({
  id,
  name,
  description: `${name} things`,
  covered: true,
  owningTier: 1,
  checks: [],
  questions: [],
  ...extra,
});

const printing = service(1, 'Printing', { owningTier: 2, checks: ['Is it on?'], questions: ['Which printer?'] });
const phones = service(2, 'Private phones', { covered: false });
const mail = service(3, 'Mail');

describe('the service select', () => {
  test('lists covered services first, then the ones not covered, then "Something else"', () => {
    expect(serviceOptions([phones, printing, mail]).map((o) => o.label)).toEqual([
      'Printing',
      'Mail',
      'Private phones',
      'Something else',
    ]);
    expect(serviceOptions([phones]).find((o) => o.value === '2')?.description).toBe('Not looked after by the helpdesk');
  });

  test('a pick leads to the guide, the plain form, a polite no with the catalog, or a fresh start', () => {
    expect(pickService([printing, phones], '1', 7)).toEqual({ kind: 'guide', service: printing });
    expect(pickService([printing, phones], SOMETHING_ELSE, 7)).toEqual({ kind: 'something-else' });
    const declined = pickService([printing, phones], '2', 7);
    expect(declined.kind).toBe('declined');
    expect(declined.kind === 'declined' && declined.message).toBe(
      'Sorry — Private phones is not something the helpdesk looks after, so no ticket was opened. See what the helpdesk covers with /kb read 7.',
    );
    expect(pickService([printing], '99', 7).kind).toBe('unknown');
    expect(pickService([printing], 'nonsense', null).kind).toBe('unknown');
  });

  test('pages hold a fixed number of options and a page out of range shows the nearest', () => {
    const options = Array.from({ length: 60 }, (_, i) => i);
    expect(optionsPage(options, 0, 25)).toEqual({ options: options.slice(0, 25), page: 0, pages: 3 });
    expect(optionsPage(options, 2, 25).options).toEqual(options.slice(50));
    expect(optionsPage(options, 9, 25).page).toBe(2);
    expect(optionsPage([], 0, 25)).toEqual({ options: [], page: 0, pages: 1 });
  });
});

test('checks and questions are typed one per line; bullets and blank lines are dropped', () => {
  expect(linesOf('- Is it on?\n\n• Paper in the tray? \r\n* Restarted?')).toEqual([
    'Is it on?',
    'Paper in the tray?',
    'Restarted?',
  ]);
  expect(linesOf(undefined)).toEqual([]);
});

test('the admin list shows ids, coverage, tier and the guide', () => {
  expect(catalogListText([printing, phones])).toBe(
    '1. Printing · covered, tier 2 · 1 check, 1 question\n   Printing things\n2. Private phones · not covered\n   Private phones things',
  );
  expect(catalogListText([])).toContain('/helpdesk catalog add');
});

test("the admin list in the reader's language: Danish words, the same ids and names", () => {
  expect(catalogListText([printing, phones], 'da')).toBe(
    '1. Printing · dækket, niveau 2 · 1 tjek, 1 spørgsmål\n   Printing things\n2. Private phones · ikke dækket\n   Private phones things',
  );
  expect(catalogListText([], 'da')).toBe('Kataloget er tomt. Tilføj en tjeneste med /helpdesk catalog add.');
});
