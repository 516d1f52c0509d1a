import { slaArticle } from '../../../core/rules/sla-article';
import type { SlaSetup } from '../../../core/rules/sla';
import type { ActorRef } from '../../../core/services/people';
import type { SlackContext } from '../context';

export const SLA_USAGE =
  'Try `/helpdesk sla`, `/helpdesk sla set P1 1h 4h` ("-" keeps one), `/helpdesk sla hours Mon-Fri 08:00-16:00 Europe/Copenhagen` (or `off`), `/helpdesk sla holiday add|remove 2026-12-24`.';

/** "-" in `sla set P1 - 4h` keeps that target as it is: the core leaves out what it is not given. */
const target = (word: string | undefined) => (word === undefined || word === '-' ? undefined : word);

/**
 * `/helpdesk sla …` (the words after `/helpdesk`): the words become one core call (which checks
 * that the person is an admin and the values), and the answer is the SLA article as the policy now
 * reads, the same text customers see in the knowledge base.
 */
export async function slaCommand(
  ctx: Pick<SlackContext, 'helpdesk'>,
  actor: ActorRef,
  words: string[],
): Promise<string> {
  const [, verb = 'show', ...rest] = words;
  let setup: SlaSetup;
  switch (verb) {
    case 'show':
      setup = await ctx.helpdesk.sla.show(actor);
      break;
    case 'set':
      setup = await ctx.helpdesk.sla.setTargets(actor, {
        priority: rest[0] ?? '',
        firstResponse: target(rest[1]),
        resolution: target(rest[2]),
      });
      break;
    case 'hours':
      setup = await ctx.helpdesk.sla.setHours(actor, { hours: rest.join(' ') });
      break;
    case 'holiday':
      setup = await ctx.helpdesk.sla.holiday(actor, { action: rest[0] ?? '', date: rest[1] ?? '' });
      break;
    default:
      return SLA_USAGE;
  }
  return `${verb === 'show' ? '' : 'Saved. '}The SLA as it stands:\n\n${slaArticle(setup).body}`;
}
