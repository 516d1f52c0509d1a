import { slaArticle } from '../../../../core/rules/sla-article';
import type { SlaSetup } from '../../../../core/rules/sla';
import type { SubCommandCall } from '../sub-command';

/** What `/helpdesk sla` takes, for words it does not know ("-" in `sla set` keeps a target). */
export const SLA_EXAMPLES =
  '`/helpdesk sla`, `/helpdesk sla set P1 1h 4h`, `/helpdesk sla set P1 - 4h`, `/helpdesk sla hours Mon-Fri 08:00-16:00 Europe/Copenhagen`, `/helpdesk sla hours off`, `/helpdesk sla holiday add|remove 2026-12-24`';

/**
 * The answer to every `/helpdesk sla …` (admins; the core checks, and checks the values): the SLA
 * article as the policy now reads, the same text customers see in the knowledge base.
 */
export async function answerWith(call: SubCommandCall, setup: SlaSetup, saved: boolean): Promise<void> {
  await call.answer(`${call.tr(saved ? 'answers.sla.saved' : 'answers.sla.now')}\n\n${slaArticle(setup).body}`);
}

/** "-" in `sla set P1 - 4h` keeps that target as it is: the core leaves out what it is not given. */
export const target = (word: string | undefined) => (word === undefined || word === '-' ? undefined : word);
