import { IMPACTS, URGENCIES } from '../../src/core/model';
import { priorityFor, PRIORITY_MATRIX } from '../../src/core/rules/priority';

describe('the priority matrix (impact × urgency)', () => {
  test.each([
    ['everyone', 'blocked', 'P1'],
    ['everyone', 'degraded', 'P2'],
    ['everyone', 'can_work', 'P3'],
    ['team', 'blocked', 'P2'],
    ['team', 'degraded', 'P3'],
    ['team', 'can_work', 'P4'],
    ['individual', 'blocked', 'P3'],
    ['individual', 'degraded', 'P4'],
    ['individual', 'can_work', 'P4'],
  ] as const)('%s affected, %s → %s', (impact, urgency, priority) => {
    expect(priorityFor(impact, urgency)).toBe(priority);
  });

  test('has exactly the nine cells', () => {
    expect(IMPACTS.flatMap((i) => URGENCIES.map((u) => PRIORITY_MATRIX[i][u])).filter(Boolean)).toHaveLength(9);
  });

  test('a ticket without impact or urgency is P3', () => {
    expect(priorityFor(null, 'blocked')).toBe('P3');
    expect(priorityFor('everyone', null)).toBe('P3');
    expect(priorityFor(null, null)).toBe('P3');
  });
});
