import {
  coherent,
  groupScore,
  isQuiet,
  joinAt,
  placeNewReport,
  secondLook,
  type GroupSeen,
  type ReportSeen,
} from '../../src/core/rules/major-incident';
import { proposalAlertText } from '../../src/core/rules/proposal-alert';
import {
  alikeness,
  centroidOf,
  LEAST_EVIDENCE,
  serviceTerm,
  termWeight,
  vectorOf,
  type TermStatistics,
} from '../../src/core/rules/similarity';

/** Statistics of a helpdesk with `tickets` reports, `counts` of some terms, and a background list. */
const stats = (
  tickets: number,
  counts: Record<string, number>,
  background: Record<string, number> = {},
): TermStatistics => ({
  tickets,
  ticketsWith: (term) => counts[term] ?? 0,
  backgroundShare: (term) => background[term] ?? 0.003,
});

describe('what a term weighs', () => {
  const busy = stats(1000, { error: 400, virker: 300, outlook: 20, vpn: 12, lonely: 1 }, { error: 0.12, virker: 0.12 });
  test.each([
    ['a word in a quarter of tickets or more tells nothing', 'error', 0, 0],
    ['a product name in 2 % of tickets tells much', 'outlook', 2.3, 2.8],
    ['a rarer one tells more', 'vpn', 2.8, 3.4],
  ])('%s (%s)', (_, term, low, high) => {
    const weight = termWeight(term, busy);
    expect(weight).toBeGreaterThanOrEqual(low);
    expect(weight).toBeLessThanOrEqual(high);
  });

  test('a term no other ticket holds weighs half what it would once shared', () => {
    const once = termWeight('lonely', busy);
    const twice = termWeight('lonely', stats(1000, { lonely: 2 }));
    expect(once).toBeGreaterThan(0);
    expect(once).toBeLessThan(twice * 0.6);
  });

  test('below 200 tickets of its own, the background list decides how common a word is', () => {
    const young = stats(10, { virker: 2, printer: 2 }, { virker: 0.25 });
    expect(termWeight('virker', young)).toBeLessThan(0.1);
    expect(termWeight('printer', young)).toBeGreaterThan(3);
  });

  test('the service picked in a creation guide weighs twice a term as rare', () => {
    const s = stats(1000, { [serviceTerm(3)]: 20, outlook: 20 });
    expect(termWeight(serviceTerm(3), s)).toBeCloseTo(2 * termWeight('outlook', s), 6);
  });
});

const weights: Record<string, number> = {
  vpn: 3,
  gateway: 3,
  intranet: 2.5,
  canteen: 3,
  menu: 3,
  printer: 3,
  toner: 3,
  floor: 1,
  down: 0.1,
  morning: 0.05,
};
const report = (id: number, customerId: number, words: string[], free = true): ReportSeen => ({
  id,
  customerId,
  createdAt: id,
  vector: vectorOf({ terms: words, titleTerms: new Set() }, (t) => weights[t] ?? 0),
  free,
  incidentId: null,
  proposalId: null,
});
const thresholds = { alikeAt: 0.3, windowMinutes: 30, proposeAt: 3, declareAt: 6 };

describe('how alike reports are', () => {
  test('the same words score near 1, none shared 0, and only weak words shared nothing', () => {
    const a = report(1, 1, ['vpn', 'gateway', 'down']);
    expect(alikeness(a.vector, report(2, 2, ['vpn', 'gateway', 'down']).vector)).toBeGreaterThan(0.6);
    expect(alikeness(a.vector, report(3, 3, ['printer', 'toner']).vector)).toBe(0);
    const weak = (id: number) => report(id, id, ['down', 'morning']);
    expect(alikeness(weak(4).vector, weak(5).vector)).toBeLessThan(0.01);
  });

  test('a report with little to say is shorter than 1: the floor of evidence', () => {
    const [length] = [[...report(1, 1, ['down']).vector.values()].reduce((s, v) => s + v * v, 0)];
    expect(Math.sqrt(length)).toBeCloseTo(0.1 / Math.hypot(0.1, LEAST_EVIDENCE), 6);
  });
});

describe('what a new report makes of the reports around it', () => {
  const vpnReports = [1, 2, 3].map((id) => report(id, id, ['vpn', 'gateway', 'intranet', 'down']));
  const incident: GroupSeen = { kind: 'incident', id: 100, members: vpnReports, own: null };

  test('it joins the group it looks like as a whole', () => {
    const placement = placeNewReport(report(10, 10, ['vpn', 'gateway', 'down']), [incident], [], thresholds);
    expect(placement).toMatchObject({ action: 'grow', group: { id: 100 } });
  });

  test('never through one member: a report like one member only stays out', () => {
    const mixed: GroupSeen = {
      kind: 'proposal',
      id: 7,
      members: [
        ...vpnReports,
        ...[5, 6, 7].map((id) => report(id, id, ['vpn', 'gateway', 'down'])),
        report(4, 4, ['canteen', 'menu', 'intranet']),
      ],
      own: null,
    };
    const canteen = report(11, 11, ['canteen', 'menu']);
    expect(alikeness(canteen.vector, mixed.members[6].vector)).toBeGreaterThan(0.3);
    expect(placeNewReport(canteen, [mixed], [], thresholds)).toEqual({ action: 'none' });
  });

  test('a group grows at a share of the threshold it formed at: like the whole, less than like a pair', () => {
    const vague = report(12, 12, ['vpn', 'canteen', 'menu', 'printer']);
    const score = groupScore(
      vague,
      incident.members.map((m) => m.vector),
    );
    expect(score).toBeGreaterThanOrEqual(joinAt(thresholds));
    expect(score).toBeLessThan(thresholds.alikeAt);
    expect(placeNewReport(vague, [incident], [], thresholds)).toMatchObject({ action: 'grow', group: { id: 100 } });
  });

  test('a group with no member opened in the window is not joined: that outage is over', () => {
    const late = { ...report(10, 10, ['vpn', 'gateway', 'down']), createdAt: 3 + 31 * 60_000 };
    expect(isQuiet(incident, late, 30)).toBe(true);
    expect(placeNewReport(late, [incident], [], thresholds)).toEqual({ action: 'none' });
    expect(isQuiet(incident, { createdAt: 3 + 29 * 60_000 }, 30)).toBe(false);
  });

  test('free look-alikes form a proposal only at three distinct customers', () => {
    const sameCustomer = [report(1, 1, ['printer', 'toner', 'floor']), report(2, 1, ['printer', 'toner'])];
    const probe = report(3, 1, ['printer', 'toner', 'floor']);
    expect(placeNewReport(probe, [], sameCustomer, thresholds)).toEqual({ action: 'none' });
    const others = [report(1, 1, ['printer', 'toner', 'floor']), report(2, 2, ['printer', 'toner'])];
    const placement = placeNewReport(report(3, 3, ['printer', 'toner', 'floor']), [], others, thresholds);
    expect(placement.action).toBe('form');
    expect(placement.action === 'form' && placement.members.map((m) => m.id).sort()).toEqual([1, 2, 3]);
  });

  test('reports already in a group, dismissed or resolved (not free) are never taken', () => {
    const taken = [report(1, 1, ['printer', 'toner'], false), report(2, 2, ['printer', 'toner'], false)];
    expect(placeNewReport(report(3, 3, ['printer', 'toner']), [], taken, thresholds)).toEqual({ action: 'none' });
  });

  test('the second look takes free reports that look like the grown group, not the ones that do not', () => {
    const free = [report(20, 20, ['vpn', 'gateway']), report(21, 21, ['printer', 'toner'])];
    expect(secondLook(vpnReports, free, 0.3).map((r) => r.id)).toEqual([20]);
  });

  test('a would-be group keeps only reports that each look like the rest', () => {
    const group = [...vpnReports, report(5, 5, ['printer', 'toner', 'floor', 'menu'])];
    expect(coherent(group, 0.3).map((r) => r.id)).toEqual([1, 2, 3]);
  });

  test('centroids are of length 1', () => {
    const c = centroidOf(vpnReports.map((r) => r.vector));
    expect(Math.sqrt([...c.values()].reduce((s, v) => s + v * v, 0))).toBeCloseTo(1, 6);
  });
});

describe("a proposal's alert", () => {
  const base = { id: 3, parentNumber: null, declareAt: 6, location: {} };
  test('lists its reports, its customers and what a declaration would take', () => {
    const text = proposalAlertText({
      ...base,
      status: 'open',
      reports: [
        { number: 12, title: 'VPN down' },
        { number: 14, title: 'vpn gateway down' },
      ],
      customers: 2,
    });
    expect(text).toContain('2 reports from 2 customers');
    expect(text).toContain('#12 VPN down');
    expect(text).toContain('#12, #14 join');
    expect(text).toContain('at 6 customers');
  });
  test('says how it was decided', () => {
    expect(proposalAlertText({ ...base, status: 'declared', parentNumber: 40, reports: [], customers: 0 })).toContain(
      'major incident #40',
    );
    expect(proposalAlertText({ ...base, status: 'dismissed', reports: [], customers: 0 })).toContain('dismissed');
  });
});
