import { proposalAlertText } from '../../src/core/rules/proposal-alert';
import { formatStats } from '../../src/core/rules/stats';
import { textsFor } from '../../src/core/texts';
import { HelpdeskError } from '../../src/core/errors';
import { parseBusinessHours } from '../../src/core/rules/business-hours';
import { setPending } from '../../src/core/rules/transitions';
import type { Ticket } from '../../src/core/model';
import { slaSummary, ticketCard, cardActionLabel } from '../../src/core/rules/card';
import { errorText, formatMoment, messages, notices, say } from '../../src/core/rules/messages';
import { planDeliveries } from '../../src/core/rules/notifications';
import { PLAIN_TICKET_EXTRAS } from '../helpers/sla-clock';

const ticket: Ticket = {
  id: 7,
  number: 6,
  title: 'Mailen er langsom',
  description: 'd',
  type: 'incident',
  status: 'open',
  resolution: null,
  priority: 'P3',
  impact: null,
  urgency: null,
  serviceId: null,
  tier: 1,
  assigneeId: 2,
  customerId: 3,
  openedById: 3,
  platform: 'discord',
  followUpOfId: null,
  createdAt: new Date('2026-03-01'),
  pendingSince: null,
  firstResponseAt: null,
  resolvedAt: null,
  lastCustomerReplyAt: null,
  remindersSent: 0,
  ...PLAIN_TICKET_EXTRAS,
};

describe("the core's messages, in each language", () => {
  test.each([
    [
      'pending',
      notices.pending(ticket),
      'Support is waiting for your answer on #6. Reply here to continue.',
      'Support venter på dit svar på #6. Skriv her for at fortsætte.',
    ],
    [
      'resolved, its reason and button named in the same language, days counted',
      notices.resolved(ticket, 'closed_automatically', 14),
      'Your ticket #6 was closed automatically after waiting for your answer. If it is not fixed, reply here or press Reopen within 14 days.',
      'Din sag #6 er lukket automatisk efter at have ventet på dit svar. Er problemet ikke løst, så skriv her eller tryk Genåbn inden for 14 dage.',
    ],
    [
      'resolved with one day to reopen',
      notices.resolved(ticket, 'resolved_by_staff', 1),
      'Your ticket #6 was resolved by support. If it is not fixed, reply here or press Reopen within 1 day.',
      'Din sag #6 er løst af support. Er problemet ikke løst, så skriv her eller tryk Genåbn inden for 1 dag.',
    ],
    [
      'a known problem, with and without its major incident',
      notices.knownProblem(ticket, 40),
      'This is a known problem that affects others too (major incident #40), and support is working on it. We will tell you here when #6 is fixed.',
      'Dette er et kendt problem, som også rammer andre (større hændelse #40), og support arbejder på det. Vi giver besked her, når #6 er løst.',
    ],
    [
      'an SLA breach',
      notices.slaBreached(ticket, 'first_response'),
      'SLA breached: ticket #6 "Mailen er langsom" (P3, tier 1) missed its first-response target.',
      'SLA overskredet: sag #6 "Mailen er langsom" (P3, niveau 1) nåede ikke sit mål for første svar.',
    ],
  ])('%s', (_, message, english, danish) => {
    expect(say('en', message)).toBe(english);
    expect(say('da', message)).toBe(danish);
  });

  test('the English words are those the helpdesk always said', () => {
    expect(messages.knownProblem(ticket)).toBe(
      'This is a known problem that affects others too, and support is working on it. We will tell you here when #6 is fixed.',
    );
    expect(messages.noTicket({ number: 9 })).toBe('There is no ticket #9 that you can see.');
  });

  test("a date or time is written in the reader's time zone where it is known, else in UTC, saying which", () => {
    const reminder = notices.reminder(ticket, new Date('2026-03-08T23:30:00Z'));
    expect(say('en', reminder)).toContain('closes automatically on 2026-03-08.');
    expect(say('da', reminder, { timeZone: 'Europe/Copenhagen' })).toContain('lukkes den automatisk den 2026-03-09.');
    const warning = notices.slaWarning(ticket, 'resolution', new Date('2026-03-02T08:05:00Z'));
    expect(say('en', warning)).toBe(
      'SLA warning: ticket #6 "Mailen er langsom" is due for its resolution at 2026-03-02 08:05 UTC.',
    );
    expect(say('da', warning, { timeZone: 'Europe/Copenhagen' })).toBe(
      'SLA-advarsel: fristen for løsning på sag #6 "Mailen er langsom" er 2026-03-02 09:05 Europe/Copenhagen.',
    );
    expect(formatMoment({ at: '2026-03-02T08:05:00Z', precision: 'minute' }, 'No/Such_Zone')).toBe(
      '2026-03-02 08:05 UTC',
    );
    // Not a date: said as stored, in any zone (it once called itself without end outside UTC).
    expect(formatMoment({ at: 'not a date', precision: 'minute' }, 'Europe/Copenhagen')).toBe('not a date');
    expect(formatMoment({ at: 'not a date', precision: 'day' }, 'UTC')).toBe('not a date');
  });

  test('in UTC a day and a minute read as the zone formats say them (Etc/UTC goes through Intl)', () => {
    const differing: string[] = [];
    for (let i = 0; i < 500; i++) {
      const at = new Date(Date.UTC(1000, 0, 1) + ((i * 7_919_993_287_331) % 283_996_800_000_000)).toISOString();
      for (const precision of ['day', 'minute'] as const) {
        const utc = formatMoment({ at, precision }, 'UTC');
        const intl = formatMoment({ at, precision }, 'Etc/UTC').replace(/ Etc\/UTC$/, ' UTC');
        if (utc !== intl) differing.push(`${at} ${precision}: ${utc} ≠ ${intl}`);
      }
    }
    expect(differing).toEqual([]);
    expect(formatMoment({ at: '2026-03-02T10:05:00+02:00', precision: 'minute' })).toBe('2026-03-02 08:05 UTC');
  });

  test('what is planned keeps the message, to be written in the reader’s language when sent', () => {
    const [notice] = planDeliveries({
      ticket,
      event: { id: 1, kind: 'status_changed', actorId: 2, data: { from: 'open', to: 'pending' } },
      customer: { personId: 3, platforms: ['discord'] },
      assignee: { personId: 2, platforms: ['discord'] },
      admins: [],
      policy: { reopenDays: 14, autoCloseDays: 7 },
    }).filter((d) => d.kind === 'ticket.notice');
    expect(notice.payload.message).toEqual(notices.pending(ticket));
    expect(notice.payload.text).toBe(messages.pending(ticket));
  });
});

describe('the ticket card, in each language', () => {
  test('its field names, values and buttons follow the language; the facts do not', () => {
    const english = ticketCard(ticket, { assignee: null, customer: 'Bente' });
    const danish = ticketCard(ticket, { assignee: null, customer: 'Bente' }, 4, 'da');
    expect(english.fields.map((f) => f.name)).toEqual([
      'Type',
      'Status',
      'Priority',
      'Assignee',
      'Tier',
      'Customer',
      'SLA',
    ]);
    expect(Object.fromEntries(danish.fields.map((f) => [f.name, f.value]))).toEqual({
      Type: 'Hændelse',
      Status: 'åben',
      Prioritet: 'P3 normal',
      Ansvarlig: 'ikke tildelt (i køen)',
      Niveau: '1',
      Kunde: 'Bente',
      SLA: expect.any(String),
      Bedømmelse: '★★★★☆ (4/5)',
    });
    expect(danish.staffActions).toEqual(english.staffActions);
    expect(cardActionLabel('da', 'solved')).toBe('Det er løst');
    expect(cardActionLabel('en', 'solved')).toBe("It's solved");
  });

  test('the SLA line', () => {
    const resolved = {
      ...ticket,
      status: 'resolved' as const,
      resolution: 'resolved_by_staff' as const,
      firstResponseBreachedAt: new Date('2026-03-01T10:00:00Z'),
    };
    expect(slaSummary(resolved)).toBe('missed (first response)');
    expect(slaSummary(resolved, 'da')).toBe('ikke overholdt (første svar)');
    const pending = { ...ticket, status: 'pending' as const };
    expect(slaSummary(pending)).toBe('paused while waiting for the customer');
    expect(slaSummary(pending, 'da')).toBe('sat på pause, mens der ventes på kunden');
    expect(ticketCard(resolved, { assignee: 'Tove', customer: 'Bente' }, null, 'da').fields[1].value).toBe(
      'løst (løst af support)',
    );
  });
});

describe("the core's refusals, in the reader's language", () => {
  const refusalOf = (work: () => unknown): HelpdeskError => {
    try {
      work();
    } catch (error) {
      if (error instanceof HelpdeskError) return error;
    }
    throw new Error('no refusal');
  };

  it('carries its catalog key, said in Danish or English, English in its message for logs', () => {
    const error = refusalOf(() => setPending({ ...ticket, status: 'pending' }, new Date()));
    expect(error.message).toBe('#6 is already pending.');
    expect(errorText(error, 'da')).toBe('#6 afventer allerede.');
    expect(errorText(error, 'en')).toBe('#6 is already pending.');
  });

  it("says a field's problems in the reader's language", () => {
    const error = refusalOf(() => parseBusinessHours('Mon-Fri 08:00-16:00 Mars/Olympus'));
    expect(errorText(error, 'da')).toBe('"Mars/Olympus" er ikke en tidszone (f.eks. Europe/Copenhagen)');
  });
});

describe("/helpdesk stats in the reader's language", () => {
  const row = {
    label: 'P1',
    opened: 3,
    resolved: 2,
    medianFirstResponseMinutes: 30,
    medianResolutionMinutes: null,
    slaMetPercent: 50,
    averageRating: null,
    ratings: 0,
  };
  const stats = {
    period: '7d' as const,
    since: new Date('2026-12-01T00:00:00Z'),
    total: { ...row, label: 'All' },
    byPriority: [row],
    bySupporter: [],
    deflections: [],
    savedReplies: [],
  };

  it('heads and words its lines in Danish, the figures alike', () => {
    const text = formatStats(stats, textsFor('da'));
    expect(text.split('\n')[0]).toBe('Helpdeskens tal for de seneste 7 dage (siden 2026-12-01)');
    expect(text).toContain(
      'P1: oprettet 3, løst 2 · median for første svar 30m · median for løsning – · SLA overholdt 50 %',
    );
    expect(text).toContain('Efter supporter\ningen sager');
    expect(formatStats(stats)).toContain('By priority\nP1: opened 3, resolved 2 · median first response 30m');
  });
});

describe("a major-incident proposal's alert in the staff channel's language", () => {
  it('says its reports and customers in Danish, counted', () => {
    const text = proposalAlertText(
      {
        id: 3,
        status: 'open',
        parentNumber: null,
        reports: [
          { number: 12, title: 'VPN nede' },
          { number: 14, title: 'vpn gateway nede' },
        ],
        customers: 1,
        declareAt: 6,
        location: {},
      },
      textsFor('da'),
    );
    expect(text.split('\n')[0]).toBe('Mulig større hændelse: 2 henvendelser fra 1 kunde ligner hinanden.');
    expect(text).toContain('som #12, #14 knyttes til');
  });
});
