import { fillSavedReply } from '../../src/core/rules/saved-replies';

describe('a saved reply filled in for one ticket', () => {
  const facts = { customer: 'Carl', number: 42, assignee: 'Tina', title: 'VPN drops' };
  test.each([
    [
      'Hi {customer}, about #{number} ({title}): {assignee} is on it.',
      'Hi Carl, about #42 (VPN drops): Tina is on it.',
    ],
    ['{customer} {customer}', 'Carl Carl'],
    ['No placeholders', 'No placeholders'],
    ['{unknown} and {Customer} stay', '{unknown} and {Customer} stay'],
    ['{{customer}}', '{Carl}'],
  ])('%j', (text, expected) => {
    expect(fillSavedReply(text, facts)).toBe(expected);
  });

  test('no assignee fills in nothing', () => {
    expect(fillSavedReply('With {assignee}.', { ...facts, assignee: null })).toBe('With .');
  });

  test('a value that looks like a placeholder is not filled in again', () => {
    expect(fillSavedReply('{customer} / {title}', { ...facts, customer: '{title}' })).toBe('{title} / VPN drops');
  });
});
