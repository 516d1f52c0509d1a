import type { ModalView } from '@slack/types';
import type { SubCommandCall } from '../sub-command';

/**
 * Only admins keep the saved replies: the core is asked before a form opens (one query, well
 * inside the trigger's 3 s), so anyone else is told at once rather than after typing; it checks
 * again on saving. Answers false (and says why) for anyone else.
 */
export async function mayManage(call: SubCommandCall): Promise<boolean> {
  try {
    await call.ctx.helpdesk.savedReplies.mayManage(call.actor);
    return true;
  } catch {
    await call.answer(call.tr('savedRepliesChat.adminsOnly'));
    return false;
  }
}

/** Answered at once, then the form; a form that cannot open is only logged (the trigger id has run out). */
export async function openReplyForm({ ctx, ack, client, command }: SubCommandCall, form: ModalView): Promise<void> {
  await ack();
  await client.views
    .open({ trigger_id: command.trigger_id, view: form })
    .catch((error: unknown) => ctx.logger.warn({ err: error }, 'could not open the saved-reply form'));
}
