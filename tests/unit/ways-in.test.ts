import { customerOfMessageTicket, descriptionFromMessage, titleFromMessage } from '../../src/core/rules/ways-in';

const customer = { tier: null, isAdmin: false };
const supporter = { tier: 1 as const, isAdmin: false };
const admin = { tier: null, isAdmin: true };

describe('whose ticket a message makes', () => {
  test.each([
    ['a customer, own message', customer, 'actor', { customer: 'actor' }],
    ["a customer, someone else's", customer, 'someone_else', { refused: 'not_your_message' }],
    ["a customer, a bot's", customer, 'nobody', { refused: 'not_your_message' }],
    ['a supporter, own message', supporter, 'actor', { customer: 'actor' }],
    ["a supporter, someone else's", supporter, 'someone_else', { customer: 'author' }],
    ["a supporter, a bot's", supporter, 'nobody', { customer: 'actor' }],
    ["an admin, someone else's", admin, 'someone_else', { customer: 'author' }],
  ] as const)('%s', (_, actor, author, expected) => {
    expect(customerOfMessageTicket(actor, author)).toEqual(expected);
  });
});

describe('a ticket drawn from a message', () => {
  test.each([
    ['Printer jammed\nSince 9', 'Printer jammed'],
    ['\n\n  Wifi down  \nfloor 3', 'Wifi down'],
    ['x'.repeat(150), 'x'.repeat(100)],
    ['😀'.repeat(120), '😀'.repeat(100)],
    ['', ''],
  ])('title of %j', (text, title) => {
    expect(titleFromMessage(text)).toBe(title);
  });

  test('the description is the whole message, cut to the longest description', () => {
    expect(descriptionFromMessage('  a\nb  ')).toBe('a\nb');
    expect(descriptionFromMessage('y'.repeat(5000))).toHaveLength(3000);
  });
});
