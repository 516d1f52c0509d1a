import { IMPACTS, URGENCIES } from '../../src/core/model';
import { compareQueueOrder } from '../../src/core/rules/assignment';
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

describe('queue order', () => {
  const at = (iso: string) => new Date(iso);
  const ticket = (id: number, priority: 'P1' | 'P2' | 'P3', due: string | null, created = '2026-03-01T08:00:00Z') => ({
    id,
    priority,
    createdAt: at(created),
    firstResponseDueAt: null,
    resolutionDueAt: due ? at(due) : null,
  });

  test('priority first, then the SLA due soonest, then paused clocks, then the oldest', () => {
    const queue = [
      ticket(1, 'P3', '2026-03-02T08:00:00Z'),
      ticket(2, 'P2', null),
      ticket(3, 'P2', '2026-03-03T08:00:00Z'),
      ticket(4, 'P2', '2026-03-02T09:00:00Z', '2026-03-01T10:00:00Z'),
      ticket(5, 'P1', '2026-03-05T08:00:00Z'),
      ticket(6, 'P2', null, '2026-02-01T08:00:00Z'),
    ];
    expect([...queue].sort(compareQueueOrder).map((t) => t.id)).toEqual([5, 4, 3, 6, 2, 1]);
  });
});
