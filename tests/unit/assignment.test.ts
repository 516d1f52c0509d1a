import {
  chooseAssignee,
  escalationCandidates,
  planWaitingAssignments,
  type AssignmentCandidate,
} from '../../src/core/rules/assignment';

const at = (iso: string) => new Date(iso);
const supporter = (id: number, over: Partial<AssignmentCandidate> = {}): AssignmentCandidate => ({
  id,
  tier: 1,
  away: false,
  load: 0,
  lastAssignedAt: null,
  platforms: ['discord'],
  ...over,
});
const need = { tier: 1 as const, platform: 'discord' as const };

describe('who gets a new ticket', () => {
  test.each([
    [
      'the supporter with the fewest unresolved tickets',
      [supporter(1, { load: 3 }), supporter(2, { load: 1 }), supporter(3, { load: 2 })],
      2,
    ],
    [
      'on a tie, the one assigned least recently',
      [
        supporter(1, { load: 1, lastAssignedAt: at('2026-01-02') }),
        supporter(2, { load: 1, lastAssignedAt: at('2026-01-01') }),
      ],
      2,
    ],
    [
      'on a tie, someone never assigned before anyone assigned',
      [supporter(1, { load: 0, lastAssignedAt: at('2026-01-01') }), supporter(2, { load: 0 })],
      2,
    ],
    ['on a full tie, the lowest id', [supporter(5), supporter(3), supporter(4)], 3],
    ['away supporters are skipped', [supporter(1, { away: true }), supporter(2, { load: 9 })], 2],
    ['supporters of another tier are skipped', [supporter(1, { tier: 2 }), supporter(2, { load: 4 })], 2],
    [
      "supporters without an identity on the ticket's platform are skipped",
      [supporter(1, { platforms: ['slack'] }), supporter(2, { load: 4 })],
      2,
    ],
    ['a supporter on both platforms qualifies', [supporter(1, { platforms: ['slack', 'discord'] })], 1],
  ])('%s', (_name, candidates, expected) => {
    expect(chooseAssignee(candidates, need)?.id).toBe(expected);
  });

  test('nobody available: the ticket waits (null)', () => {
    expect(chooseAssignee([supporter(1, { away: true }), supporter(2, { tier: 3 })], need)).toBeNull();
    expect(chooseAssignee([], need)).toBeNull();
  });
});

describe('waiting tickets handed out when a supporter arrives', () => {
  const now = at('2026-03-01T10:00:00Z');
  const waiting = (id: number, priority: 'P1' | 'P2' | 'P3' | 'P4', created: string) => ({
    id,
    priority,
    createdAt: at(created),
    tier: 1 as const,
    platform: 'discord' as const,
  });

  test('highest priority first, then oldest, spread by load', () => {
    const plan = planWaitingAssignments(
      [
        waiting(10, 'P3', '2026-02-01'),
        waiting(11, 'P1', '2026-02-03'),
        waiting(12, 'P3', '2026-01-15'),
        waiting(13, 'P2', '2026-02-02'),
      ],
      [supporter(1, { load: 0 }), supporter(2, { load: 1 })],
      now,
    );
    expect(plan.map((p) => p.ticketId)).toEqual([11, 13, 12, 10]);
    // 2 has one more ticket but was never assigned, so it wins the tie after 1's first hand-out.
    expect(plan.map((p) => p.assigneeId)).toEqual([1, 2, 1, 2]);
  });

  test('tickets no one can take stay waiting', () => {
    const plan = planWaitingAssignments([{ ...waiting(1, 'P3', '2026-02-01'), tier: 2 }], [supporter(1)], now);
    expect(plan).toEqual([]);
  });
});

describe('who an escalation may be handed to by name', () => {
  const person = (id: number, tier: 1 | 2 | 3 | null, away: boolean, platforms: Array<'discord' | 'slack'>) => ({
    id,
    tier,
    away,
    identities: platforms.map((platform) => ({ platform, userId: `u${id}` })),
  });
  const staff = [
    person(1, 2, false, ['discord']),
    person(2, 2, true, ['discord']),
    person(3, 2, false, ['slack']),
    person(4, 3, false, ['discord', 'slack']),
    person(5, null, false, ['discord']),
  ];

  it.each([
    [2, 'discord', [1]],
    [2, 'slack', [3]],
    [3, 'discord', [4]],
    [3, 'slack', [4]],
  ] as const)('tier %s on %s: supporters of that tier, not away, reachable there', (tier, platform, ids) => {
    expect(escalationCandidates(staff, tier, platform).map((s) => s.id)).toEqual(ids);
  });
});
