import { PRIORITIES } from '../model';
import { describeCalendar } from './business-hours';
import { PRIORITY_LABEL } from './messages';
import { PRIORITY_MATRIX, IMPACT_LABEL, URGENCY_LABEL } from './priority';
import { formatDuration, WARN_AT, type SlaSetup } from './sla';

/**
 * The SLA article customers read, written from the policy itself: the helpdesk regenerates it on
 * every change, so what it promises and what its clocks measure are the same figures.
 */
export function slaArticle(setup: SlaSetup): { title: string; body: string } {
  const targets = PRIORITIES.map((p) => {
    const t = setup.policy[p];
    return `- ${PRIORITY_LABEL[p]}: first response within ${formatDuration(t.firstResponseMinutes)}, resolved within ${formatDuration(t.resolutionMinutes)}`;
  });
  const matrix = (Object.keys(PRIORITY_MATRIX) as Array<keyof typeof PRIORITY_MATRIX>).reverse().map((impact) => {
    const cells = (Object.keys(PRIORITY_MATRIX[impact]) as Array<keyof (typeof PRIORITY_MATRIX)[typeof impact]>).map(
      (urgency) => `${URGENCY_LABEL[urgency]}: ${PRIORITY_MATRIX[impact][urgency]}`,
    );
    return `- ${IMPACT_LABEL[impact]} — ${cells.join(', ')}`;
  });
  const body = [
    'How quickly support answers and solves a ticket depends on its priority.',
    '',
    'Targets',
    ...targets,
    '',
    `Times count ${setup.calendar ? 'during business hours only' : 'around the clock'}: ${describeCalendar(setup.calendar)}.`,
    'The clock starts when the ticket is opened and stops while support is waiting for your answer (the ticket is pending). It runs again when you answer or reopen the ticket.',
    'A first response is the first public answer from a supporter.',
    '',
    'Priority, from who is affected (impact) and how badly (urgency)',
    ...matrix,
    "Support may change a ticket's priority when the situation calls for it.",
    '',
    `Your supporter is reminded at ${Math.round(WARN_AT * 100)} % of a target; a ticket that misses one is escalated to the next support tier.`,
    '',
    "This article is generated from the helpdesk's SLA policy and always shows the figures in force.",
  ];
  return { title: 'Service level agreement (SLA)', body: body.join('\n') };
}
