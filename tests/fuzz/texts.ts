import fc from 'fast-check';

/** Texts people and platforms send that have broken parsers before: controls, zero-width, mentions, numbers out of range, form limits. */
const tricky = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31m',
  '\u200b\u200b\u200b',
  '\ufeff',
  '\ud800',
  '<!channel> <!here>',
  '<@UADMIN>',
  '<@UTINA|tina>',
  '<https://evil.example|Reset your password>',
  '#1',
  '1',
  '2',
  '3',
  '0',
  '-1',
  '1.5',
  '1e3',
  '99999999999999999999',
  'null',
  '{}',
  '[]',
  '%00',
  '%ZZ',
  'é',
  '🎫',
  'P1',
  'P9',
  'x'.repeat(101),
  'x'.repeat(3001),
);

const word = fc.oneof(
  tricky,
  fc.string({ maxLength: 8 }),
  fc.constantFrom('printer', 'mine', 'queue', 'all', 'on', 'off'),
);

/** A random text: plain, arbitrary code points (lone surrogates included), tricky pieces, words, or a long one. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: tricky },
  { weight: 3, arbitrary: fc.array(word, { maxLength: 6 }).map((words) => words.join(' ')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 2000, maxLength: 4000 }) },
);

/** A command's text: one of its words (or any), then random arguments. */
export function commandText(words: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...words) }, { weight: 1, arbitrary: anyText }),
      fc.array(word, { maxLength: 4 }),
    )
    .map(([first, rest]) => [first, ...rest].join(' '));
}

/** A value that should be a string or an object, of another type instead, or missing. */
export const wrongType: fc.Arbitrary<unknown> = fc.constantFrom(null, 0, -1, 1.5, true, '', 'x', [], {}, [null], {
  id: null,
});
