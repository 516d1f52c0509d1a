import { openingRefusal } from '../../src/core/rules/limits';

describe('how many tickets a customer may open', () => {
  const limits = { maxOpenTickets: 5, ticketsPerHour: 10 };
  test.each([
    [{ unresolved: 0, openedLastHour: 0 }, null],
    [{ unresolved: 4, openedLastHour: 9 }, null],
    [{ unresolved: 5, openedLastHour: 0 }, /you have 5 unresolved tickets/],
    [{ unresolved: 7, openedLastHour: 12 }, /you have 7 unresolved tickets/],
    [{ unresolved: 1, openedLastHour: 10 }, /you opened 10 in the last hour/],
  ])('%j → %s', (counts, expected) => {
    const refusal = openingRefusal(counts, limits, 'en');
    if (expected === null) expect(refusal).toBeNull();
    else expect(refusal).toMatch(expected);
  });
});

test("the refusal is said in the reader's language", () => {
  expect(openingRefusal({ unresolved: 5, openedLastHour: 0 }, { maxOpenTickets: 5, ticketsPerHour: 10 }, 'da')).toMatch(
    /du har 5 uløste sager/,
  );
});
