/**
 * What a major-incident proposal's staff alert says, drawn from the proposal as it is: the
 * reports it lists (each with its own "Not related"), how many customers they come from, what a
 * declaration would take; once decided, how. The adapters add the buttons (live only while open).
 */
export interface ProposalView {
  id: number;
  status: 'open' | 'declared' | 'dismissed';
  /** The major incident it was declared as. */
  parentNumber: number | null;
  reports: Array<{ number: number; title: string }>;
  customers: number;
  declareAt: number;
  /** Where each platform's alert is (Discord's message id, Slack's ts). */
  location: Record<string, string>;
}

/** Reports listed, each with a button: the platforms' limits on buttons in one message leave room for this many. */
export const REPORTS_LISTED = 20;

export function proposalAlertText(view: ProposalView): string {
  const listed = view.reports.slice(0, REPORTS_LISTED).map((r) => `- #${r.number} ${r.title}`);
  const more = view.reports.length > REPORTS_LISTED ? [`…and ${view.reports.length - REPORTS_LISTED} more`] : [];
  if (view.status === 'declared')
    return `Declared as major incident${view.parentNumber ? ` #${view.parentNumber}` : ''}. This proposal is closed.`;
  if (view.status === 'dismissed') return `Possible major incident dismissed: its reports are handled on their own.`;
  if (view.reports.length === 0) return `Possible major incident: no report is left in it.`;
  const numbers = view.reports.map((r) => `#${r.number}`).join(', ');
  return [
    `Possible major incident: ${view.reports.length} reports from ${view.customers} ${view.customers === 1 ? 'customer' : 'customers'} look alike.`,
    ...listed,
    ...more,
    `Declaring makes a P1 major incident that ${numbers} join (their SLA clocks stop and each customer is told it is a known problem); ` +
      `it is declared by itself at ${view.declareAt} customers. "Not related" takes one report out; "Dismiss" closes the proposal.`,
  ].join('\n');
}
