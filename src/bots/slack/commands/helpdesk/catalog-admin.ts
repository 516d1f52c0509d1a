import type { ModalView } from '@slack/types';
import type { SubCommandCall } from '../sub-command';

export const CATALOG_EXAMPLES =
  '`/helpdesk catalog list`, `/helpdesk catalog add`, `/helpdesk catalog edit ID`, `/helpdesk catalog remove ID`';

/**
 * Only admins manage the catalog. The person is checked before a form opens (one query, well
 * inside the trigger's 3 s) so a supporter is told at once rather than after filling it in; the
 * core checks again on saving. Answers false (and says so) for anyone else.
 */
export async function isAdmin({ ctx, actor, answer, tr }: SubCommandCall): Promise<boolean> {
  if ((await ctx.helpdesk.staff.roleOf(actor)) === 'admin') return true;
  await answer(tr('answers.catalog.onlyAdmins'));
  return false;
}

/** Answered at once, then the form; a form that cannot open is only logged (the trigger id has run out). */
export async function openForm({ ctx, ack, client, command }: SubCommandCall, form: ModalView): Promise<void> {
  await ack();
  await client.views
    .open({ trigger_id: command.trigger_id, view: form })
    .catch((error: unknown) => ctx.logger.warn({ err: error }, 'could not open the catalog form'));
}
