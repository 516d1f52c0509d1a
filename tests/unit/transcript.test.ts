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
