import { fewestOperands } from '../../src/core/services/term-queries';

describe("a term's query in fewer operands matches the same texts", () => {
  test.each([
    ['a lexeme repeated by both languages is asked once', `'outlook':* | 'outlook':*`, `'outlook':*`],
    [
      'a prefix covers its longer lexemes, whatever their order',
      `'connection':* | 'connect':* | 'forbindelsen':* | 'forbind':*`,
      `'connect':* | 'forbind':*`,
    ],
    ['a prefix covers the same lexeme asked whole', `'ref' | 'ref':*`, `'ref':*`],
    ['a lexeme asked whole twice is asked once', `'ref' | 'ref'`, `'ref'`],
    ['a lexeme asked whole does not cover a longer one', `'nav' | 'navis':*`, `'nav' | 'navis':*`],
  ])('%s', (_, query, lean) => {
    expect(fewestOperands(query).query).toBe(lean);
  });

  test('its operands are the lexemes as the search vector holds them, quotes and backslashes no longer doubled', () => {
    expect(fewestOperands(`'it''s':* | 'it''s' | 'a\\\\b'`)).toEqual({
      query: `'it''s':* | 'a\\\\b'`,
      operands: [
        { lexeme: "it's", prefix: true },
        { lexeme: 'a\\b', prefix: false },
      ],
    });
  });

  test.each([
    ['a phrase', `'foo-bar':* <-> 'foo':* <-> 'bar':* | 'ned'`],
    ['an AND', `'a' & 'b' | 'a'`],
    ['a negation', `!'a' | 'a'`],
    ['a weight', `'a':*A | 'ab':*`],
  ])('a query with %s is kept as it is, for the database to match', (_, query) => {
    expect(fewestOperands(query)).toEqual({ query, operands: null });
  });
});
