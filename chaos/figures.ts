import type { Store } from './world';

/** What one scenario of the fault suite measured. */
export interface Figures {
  scenario: string;
  store: Store;
  /** Submissions or replies the run sent to the app. */
  sent: number;
  /** Of those, answered 200 by the app. */
  acknowledged: number;
  /** Of those, stored (a ticket, a comment). */
  stored: number;
  /** Of those, not stored and the person told so in a message. */
  refusedWithMessage: number;
  /** Acknowledged yet neither stored nor refused; or a message the platform should have got and never did. */
  lost: number;
  /** A person told "not opened" whose ticket was stored all the same. */
  refusedButStored: number;
  /** Copies on the platform beyond the first. */
  doubled: number;
  /** Messages in a thread that arrived before one written or queued earlier. */
  outOfOrder: number;
  /** From the fault's end until every delivery was sent. */
  secondsToRecover: number;
  /** A restart's time from spawning the process to its first /healthz answer (goal ≤ 2 s). */
  secondsToHealth?: number;
  /** Deliveries claimed again after a lease ran out (each could have gone out twice without the look-ups). */
  resent?: number;
  /** Web API calls the fake answered in the run (with the storm's refusals). */
  platformCalls?: number;
  notes: string[];
}

/** The goals every scenario must meet. */
export function missedGoals(f: Figures): string[] {
  const missed: string[] = [];
  if (f.lost > 0) missed.push(`lost ${f.lost}`);
  if (f.doubled > 0) missed.push(`doubled ${f.doubled}`);
  if (f.outOfOrder > 0) missed.push(`out of order ${f.outOfOrder}`);
  if (f.refusedButStored > 0) missed.push(`told "not opened" yet stored ${f.refusedButStored}`);
  if (f.secondsToRecover < 0) missed.push('did not recover');
  return missed;
}

export function formatFigures(f: Figures): string {
  const parts = [
    `sent ${f.sent}`,
    `acknowledged ${f.acknowledged}`,
    `stored ${f.stored}`,
    `refused with a message ${f.refusedWithMessage}`,
    `lost ${f.lost}`,
    `doubled ${f.doubled}`,
    `out of order ${f.outOfOrder}`,
    `told not opened yet stored ${f.refusedButStored}`,
    f.secondsToRecover < 0 ? 'did not recover' : `${f.secondsToRecover.toFixed(1)} s to recover`,
  ];
  if (f.secondsToHealth !== undefined) parts.push(`${f.secondsToHealth.toFixed(2)} s to first /healthz after restart`);
  if (f.resent !== undefined) parts.push(`possible resends ${f.resent}`);
  if (f.platformCalls !== undefined) parts.push(`platform calls ${f.platformCalls}`);
  const missed = missedGoals(f);
  return `(${f.scenario}) [${f.store}] ${parts.join(', ')}${missed.length ? `  MISSED: ${missed.join(', ')}` : '  goals met'}${
    f.notes.length ? `\n    ${f.notes.join('\n    ')}` : ''
  }`;
}
