import { InvalidInputError } from '../../src/core/errors';
import { errorText } from '../../src/core/rules/messages';
import {
  COMMENT_MAX,
  TITLE_MAX,
  articleSchema,
  commentSchema,
  languageSchema,
  listSchema,
  openTicketSchema,
  parseInput,
  serviceSchema,
  ticketRefSchema,
} from '../../src/core/schemas';

/** The refusal parseInput throws for an input, which the test expects to be bad. */
function refusalOf(schema: Parameters<typeof parseInput>[0], input: unknown): InvalidInputError {
  try {
    parseInput(schema, input);
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('the input was accepted');
}

const ticket = { title: 'Printer jams', description: 'Tray 2', type: 'incident' };

describe("the core's validation messages, in the reader's language", () => {
  test('a comment over the limit: Danish for a Danish reader, English for an English one', () => {
    const error = refusalOf(commentSchema, { ticketNumber: 6, body: 'x'.repeat(COMMENT_MAX + 1) });
    expect(errorText(error, 'da')).toBe('Beskeden må højst fylde 40000 tegn');
    expect(errorText(error, 'en')).toBe('The message is limited to 40000 characters');
    // The English, with the field's path, stays in the error's message for the log.
    expect(error.message).toBe('body: The message is limited to 40000 characters');
    expect(error.problems).toEqual([
      expect.objectContaining({ field: 'body', text: expect.objectContaining({ key: 'validation.limitedTo' }) }),
    ]);
  });

  test('an empty title, and one of only invisible characters, each said once', () => {
    for (const title of ['   ', '\u200b\u200c\ufeff']) {
      const error = refusalOf(openTicketSchema, { ...ticket, title });
      expect(errorText(error, 'da')).toBe('Titlen skal udfyldes');
      expect(errorText(error, 'en')).toBe("The title can't be empty");
    }
  });

  test('a title over the limit counts what was typed', () => {
    const error = refusalOf(openTicketSchema, { ...ticket, title: 'x'.repeat(TITLE_MAX + 1) });
    expect(errorText(error, 'da')).toBe('Titlen fylder 101 tegn; der må højst være 100');
    expect(errorText(error, 'en')).toBe('The title is 101 characters; the limit is 100');
  });

  test('a bad ticket number, and one larger than any the helpdesk gives', () => {
    const word = refusalOf(ticketRefSchema, { ticketNumber: 'six' });
    expect(errorText(word, 'da')).toBe('Et sagsnummer er et helt tal, f.eks. 6');
    expect(errorText(word, 'en')).toBe('A ticket number is a whole number, like 6');
    const huge = refusalOf(ticketRefSchema, { ticketNumber: '#99999999999' });
    expect(errorText(huge, 'da')).toBe('Så stort et nummer giver helpdesken ikke');
    expect(errorText(huge, 'en')).toBe('That number is larger than any the helpdesk gives');
  });

  test('several problems are said together, each in the language; choices are named as the form shows them', () => {
    const error = refusalOf(openTicketSchema, { title: '', description: 'a\u0007b', type: 'outage' });
    expect(errorText(error, 'da')).toBe(
      'Titlen skal udfyldes; Beskrivelsen indeholder kontroltegn; fjern dem, og prøv igen; ' +
        'Vælg en type: Hændelse eller Forespørgsel',
    );
    expect(errorText(error, 'en')).toBe(
      "The title can't be empty; The description contains control characters; remove them and try again; " +
        'Choose a type: Incident or Request',
    );
  });

  test("a field's name and its limit are filled in wherever a list or an id is checked", () => {
    const tags = refusalOf(articleSchema, { title: 'VPN', body: 'How to', tags: ['x'.repeat(51)] });
    expect(errorText(tags, 'da')).toBe('Hvert emneord må højst fylde 50 tegn');
    const checks = refusalOf(serviceSchema, { name: 'Printers', checks: Array(11).fill('Is it on?') });
    expect(errorText(checks, 'da')).toBe('En tjeneste har højst 10 tjek');
    expect(errorText(checks, 'en')).toBe('A service has at most 10 checks');
    const language = refusalOf(languageSchema, { language: 'fr' });
    expect(errorText(language, 'da')).toBe('Vælg et sprog, som helpdesken taler: en, da');
  });

  test("a check with zod's own words (a field no person types) is said as the catalog's 'not valid', zod's words kept for the log", () => {
    const error = refusalOf(listSchema, { scope: 'everything' });
    expect(errorText(error, 'da')).toBe('Det indtastede er ikke gyldigt (scope)');
    expect(errorText(error, 'en')).toBe('That is not valid input (scope)');
    expect(error.problems[0].problem).toMatch(/mine/);
  });
});
