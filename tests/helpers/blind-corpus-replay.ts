import type { EntityManager } from 'typeorm';
import {
  coherent,
  distinctCustomers,
  joinAt,
  placeNewReport,
  type GroupSeen,
  type MajorThresholds,
  type ReportSeen,
} from '../../src/core/rules/major-incident';
import {
  UNSHARED_FACTOR,
  termWeight,
  vectorOf,
  type ReportTerms,
  type TermStatistics,
  type TermVector,
} from '../../src/core/rules/similarity';
import { languageOf, reportWords, termsOfReport, type Language } from '../../src/core/services/term-weights';
import { proposedNow, type BlindReport, type RunOutcome } from './blind-corpus';

/**
 * The look-alike rule replayed over a corpus without opening tickets, as the core runs it: each
 * report is counted when it is opened, and every search weighs terms with the counts as they
 * stand at that report (a flood of one outage's reports makes its own words common as it goes),
 * reads its window by minute, grows, forms, proposes and declares by the real rules
 * (rules/major-incident.ts, rules/similarity.ts). Some 100 times faster than the core, so a range
 * of settings can be tried on the tuning half; the core's own run (blind-corpus.test.ts) is the
 * figure that counts.
 */
export interface ReplaySettings extends MajorThresholds {
  /**
   * Which tickets the counts come from: all opened so far ('all', as the core counts), or only
   * those opened before the probe's window ('beforeWindow': a term's rarity as it was before the
   * burst; with no history the background list alone says it).
   */
  counts: 'all' | 'beforeWindow';
}

/** Each report's terms as the core reads them (the store's stemmers, the dictionary), in order. */
export async function termsOfReports(
  manager: EntityManager,
  reports: readonly BlindReport[],
): Promise<{ language: Language; terms: ReportTerms[] }> {
  const language = await languageOf(manager);
  const terms: ReportTerms[] = [];
  for (const report of reports) {
    const words = reportWords(report.title.slice(0, 100), report.description.slice(0, 3000) || report.title);
    await language.learnWords(manager, words.all);
    terms.push(termsOfReport(language, words, null));
  }
  return { language, terms };
}

export function replay(
  reports: readonly BlindReport[],
  terms: readonly ReportTerms[],
  language: Pick<Language, 'backgroundShare'>,
  settings: ReplaySettings,
): RunOutcome {
  const customerIds = new Map<string, number>();
  const counts = new Map<string, number>();
  const groupKeyOf = new Map<number, string>();
  const groups = new Map<string, { kind: GroupSeen['kind']; id: number; members: number[] }>();
  const proposedAtCustomer = new Map<string, number | null>();
  let nextGroup = 1;
  const add = (key: string, ids: readonly number[]) => {
    for (const id of ids) {
      groupKeyOf.set(id, key);
      groups.get(key)!.members.push(id);
    }
  };
  const newGroup = (kind: GroupSeen['kind']) => {
    const key = `${kind}:${nextGroup}`;
    groups.set(key, { kind, id: nextGroup++, members: [] });
    return key;
  };
  reports.forEach((report, index) => {
    if (!customerIds.has(report.customer)) customerIds.set(report.customer, customerIds.size + 1);
    for (const term of new Set(terms[index].terms)) counts.set(term, (counts.get(term) ?? 0) + 1);
    const inWindow = reports
      .slice(0, index + 1)
      .map((r, i) => i)
      .filter((i) => reports[i].minute >= report.minute - settings.windowMinutes);
    const weigh = weigherAt(index, inWindow, counts, terms, language, settings.counts);
    const weights = new Map<string, number>();
    const weightOf = (term: string) => {
      if (!weights.has(term)) weights.set(term, weigh(term));
      return weights.get(term)!;
    };
    const vectors = new Map<number, TermVector>();
    const seen = (i: number): ReportSeen => {
      if (!vectors.has(i)) vectors.set(i, vectorOf(terms[i], weightOf));
      return {
        id: i,
        customerId: customerIds.get(reports[i].customer)!,
        createdAt: reports[i].minute * 60_000 + i,
        vector: vectors.get(i)!,
        free: !groupKeyOf.has(i),
        incidentId: null,
        proposalId: null,
      };
    };
    const current: GroupSeen[] = [...groups.values()].map((g) => ({ ...g, members: g.members.map(seen), own: null }));
    const window = inWindow.filter((i) => i !== index).map(seen);
    const placement = placeNewReport(seen(index), current, window, settings);
    if (placement.action === 'grow') {
      const key = `${placement.group.kind}:${placement.group.id}`;
      add(
        key,
        placement.added.map((r) => r.id),
      );
      const members = groups.get(key)!.members.map(seen);
      // A proposal grown to `declareAt` people is declared with the reports that look like the rest of it.
      if (placement.group.kind === 'proposal' && distinctCustomers(members) >= settings.declareAt) {
        for (const m of members) groupKeyOf.delete(m.id);
        groups.delete(key);
        add(
          newGroup('incident'),
          coherent(members, joinAt(settings)).map((r) => r.id),
        );
      }
    } else if (placement.action === 'form') {
      const kind = distinctCustomers(placement.members) >= settings.declareAt ? 'incident' : 'proposal';
      add(
        newGroup(kind),
        placement.members.map((r) => r.id),
      );
    }
    const outage = report.outage;
    if (outage !== null && !proposedAtCustomer.get(outage)) {
      const opened = reports.slice(0, index + 1);
      const customers = new Set(opened.filter((r) => r.outage === outage).map((r) => r.customer)).size;
      proposedAtCustomer.set(outage, proposedNow(outage, opened, groupsById(reports, groupKeyOf)) ? customers : null);
    }
  });
  return { groupOf: groupsById(reports, groupKeyOf), proposedAtCustomer };
}

function groupsById(reports: readonly BlindReport[], groupKeyOf: ReadonlyMap<number, string>): Map<string, string> {
  return new Map([...groupKeyOf].map(([i, key]) => [reports[i].id, key]));
}

/**
 * How a search at report `index` weighs a term: with the counts of all reports so far (as the core
 * does), or with those of the reports before its window, a term then "unshared" when no other
 * report of the window holds it (the branch issue-16c-before-window has this in the core).
 */
function weigherAt(
  index: number,
  inWindow: readonly number[],
  counts: ReadonlyMap<string, number>,
  terms: readonly ReportTerms[],
  language: Pick<Language, 'backgroundShare'>,
  from: ReplaySettings['counts'],
): (term: string) => number {
  const backgroundShare = (term: string) => language.backgroundShare(term);
  if (from === 'all')
    return (term) => termWeight(term, { tickets: index + 1, ticketsWith: (t) => counts.get(t) ?? 0, backgroundShare });
  const windowCounts = new Map<string, number>();
  for (const i of inWindow)
    for (const term of new Set(terms[i].terms)) windowCounts.set(term, (windowCounts.get(term) ?? 0) + 1);
  const before: TermStatistics = {
    tickets: index + 1 - inWindow.length,
    ticketsWith: (term) => (counts.get(term) ?? 0) - (windowCounts.get(term) ?? 0),
    backgroundShare,
  };
  return (term) => {
    const asBefore = termWeight(term, before) / (before.ticketsWith(term) <= 1 ? UNSHARED_FACTOR : 1);
    return asBefore * ((windowCounts.get(term) ?? 0) <= 1 ? UNSHARED_FACTOR : 1);
  };
}
