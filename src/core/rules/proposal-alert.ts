import { DEFAULT_LANGUAGE, textsFor, type TextKey } from '../texts';

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

/** A translator in the reader's language (`textsFor(language)`); the staff side reads HELPDESK_LANGUAGE. */
type Translate = (key: TextKey, params?: Record<string, string | number>) => string;

export function proposalAlertText(view: ProposalView, tr: Translate = textsFor(DEFAULT_LANGUAGE)): string {
  const listed = view.reports.slice(0, REPORTS_LISTED).map((r) => `- #${r.number} ${r.title}`);
  const more =
    view.reports.length > REPORTS_LISTED
      ? [tr('lookAlikeAlert.more', { count: view.reports.length - REPORTS_LISTED })]
      : [];
  if (view.status === 'declared')
    return view.parentNumber
      ? tr('lookAlikeAlert.declaredAs', { number: view.parentNumber })
      : tr('lookAlikeAlert.declared');
  if (view.status === 'dismissed') return tr('lookAlikeAlert.dismissed');
  if (view.reports.length === 0) return tr('lookAlikeAlert.empty');
  const numbers = view.reports.map((r) => `#${r.number}`).join(', ');
  return [
    tr('lookAlikeAlert.heading', {
      count: view.reports.length,
      customers: tr('lookAlikeAlert.customers', { count: view.customers }),
    }),
    ...listed,
    ...more,
    tr('lookAlikeAlert.footer', { numbers, declareAt: view.declareAt }),
  ].join('\n');
}
