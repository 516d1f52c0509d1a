import type { Ticket } from '../../src/core/model';
import { renderTranscript, type TranscriptData } from '../../src/core/rules/transcript';

const at = (s: string) => new Date(`2026-03-01T${s}:00Z`);
const ticket = {
  id: 1,
  number: 6,
  title: 'VPN drops',
  description: 'Every hour.',
  type: 'incident',
  status: 'resolved',
  resolution: 'resolved_by_staff',
  priority: 'P2',
  tier: 2,
  createdAt: at('09:00'),
} as Ticket;
const data: TranscriptData = {
  ticket,
  customer: 'Carl',
  assignee: 'Sara',
  comments: [
    {
      id: 1,
      kind: 'public',
      author: 'Carl',
      body: 'It dropped again',
      createdAt: at('09:05'),
      editedAt: null,
      deletedAt: null,
      redactedAt: null,
      attachments: ['log.txt'],
    },
    {
      id: 2,
      kind: 'internal',
      author: 'Tina',
      body: 'Gateway issue',
      createdAt: at('09:10'),
      editedAt: at('09:11'),
      deletedAt: null,
      redactedAt: null,
      attachments: [],
    },
  ],
  events: [
    { kind: 'escalated', actor: 'Tina', data: { fromTier: 1, toTier: 2 }, createdAt: at('09:07') },
    {
      kind: 'status_changed',
      actor: 'Sara',
      data: { from: 'open', to: 'resolved', resolution: 'resolved_by_staff' },
      createdAt: at('09:20'),
    },
    { kind: 'commented', actor: 'Carl', data: {}, createdAt: at('09:05') },
  ],
};

describe('the transcript', () => {
  test('plain text: the facts, then comments and changes in time order', () => {
    const text = renderTranscript(data, 'text', () => 'x');
    expect(text.startsWith('Ticket #6: VPN drops')).toBe(true);
    expect(text).toContain('Priority: P2');
    const order = [
      'It dropped again',
      'escalated: tier 1 → tier 2',
      'Gateway issue',
      'open → resolved (resolved by support)',
    ].map((s) => text.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('(internal note, edited)');
    expect(text).toContain('Files: log.txt');
  });

  test('Markdown: a heading, bold facts and quoted messages', () => {
    const md = renderTranscript(data, 'markdown', () => 'x');
    expect(md).toContain('# Ticket #6: VPN drops');
    expect(md).toContain('- **Assignee:** Sara');
    expect(md).toContain('> It dropped again');
  });
});

describe("the transcript in its reader's language and time zone", () => {
  test('Danish, times in Copenhagen: headings, facts, marks and changes all in Danish', () => {
    const text = renderTranscript(data, 'text', () => 'x', { language: 'da', timeZone: 'Europe/Copenhagen' });
    expect(text.startsWith('Sag #6: VPN drops')).toBe(true);
    expect(text).toContain('Type: Hændelse');
    expect(text).toContain('Status: løst (løst af support)');
    expect(text).toContain('Prioritet: P2 høj');
    expect(text).toContain('Ansvarlig: Sara');
    // 09:00 UTC on 1 March is 10:00 in Copenhagen (winter time).
    expect(text).toContain('Oprettet: 2026-03-01 10:00 Europe/Copenhagen');
    expect(text).toContain('Beskrivelse:');
    expect(text).toContain('Samtale:');
    expect(text).toContain('[2026-03-01 10:05 Europe/Copenhagen] Carl');
    expect(text).toContain('(intern note, rettet)');
    expect(text).toContain('Filer: log.txt');
    expect(text).toContain('Tina eskalerede: niveau 1 → niveau 2');
    expect(text).toContain('Sara: åben → løst (løst af support)');
    // No English heading or fact is left.
    for (const english of ['Ticket #', 'Priority:', 'Assignee:', 'Opened:', 'Conversation', 'internal note', ' UTC'])
      expect(text).not.toContain(english);
  });

  test('Markdown in Danish: the headings are the translated words', () => {
    const md = renderTranscript(data, 'markdown', () => 'x', { language: 'da' });
    expect(md).toContain('# Sag #6: VPN drops');
    expect(md).toContain('## Beskrivelse');
    expect(md).toContain('## Samtale');
    expect(md).toContain('- **Ansvarlig:** Sara');
    expect(md).toContain('_Filer:_ log.txt');
    // No time zone known: UTC, said as such.
    expect(md).toContain('[2026-03-01 09:05 UTC]');
  });

  test('every change a transcript names, in both languages, from the catalog', () => {
    const events = [
      { kind: 'opened', data: {} },
      { kind: 'assigned', data: { assigneeId: 7, how: 'claim' } },
      { kind: 'assigned', data: { assigneeId: null, how: 'staff_removed' } },
      { kind: 'waiting', data: { tier: 2 } },
      { kind: 'type_changed', data: { from: 'incident', to: 'request' } },
      { kind: 'priority_changed', data: { from: 'P3', to: 'P1' } },
      { kind: 'follow_up_opened', data: { followUpNumber: 9 } },
      { kind: 'comment_redacted', data: {} },
      { kind: 'ticket_redacted', data: { part: 'rating' } },
      { kind: 'ticket_erased', data: {} },
    ].map((e) => ({ ...e, actor: 'Ann', createdAt: at('10:00') }));
    const said = (language: string) =>
      renderTranscript({ ...data, comments: [], events }, 'text', () => 'Sara', { language }).split('\n');
    expect(said('en')).toEqual(
      expect.arrayContaining([
        '[2026-03-01 10:00 UTC] * Ann opened the ticket',
        '[2026-03-01 10:00 UTC] * assigned to Sara (claimed)',
        '[2026-03-01 10:00 UTC] * no longer assigned (the previous assignee left the staff)',
        '[2026-03-01 10:00 UTC] * waiting in the tier-2 queue: no supporter available',
        '[2026-03-01 10:00 UTC] * Ann changed the type: Incident → Request',
        '[2026-03-01 10:00 UTC] * Ann changed the priority: P3 normal → P1 critical',
        '[2026-03-01 10:00 UTC] * a follow-up ticket #9 was opened',
        '[2026-03-01 10:00 UTC] * Ann redacted a comment',
        "[2026-03-01 10:00 UTC] * Ann redacted the rating's comment",
        "[2026-03-01 10:00 UTC] * Ann erased the customer's data",
      ]),
    );
    expect(said('da')).toEqual(
      expect.arrayContaining([
        '[2026-03-01 10:00 UTC] * Ann oprettede sagen',
        '[2026-03-01 10:00 UTC] * tildelt Sara (taget)',
        '[2026-03-01 10:00 UTC] * venter i køen på niveau 2: ingen supporter er ledig',
        '[2026-03-01 10:00 UTC] * Ann ændrede typen: Hændelse → Forespørgsel',
        '[2026-03-01 10:00 UTC] * opfølgningssag #9 blev oprettet',
        '[2026-03-01 10:00 UTC] * Ann tilslørede bedømmelsens kommentar',
        '[2026-03-01 10:00 UTC] * Ann slettede kundens data',
      ]),
    );
  });
});
