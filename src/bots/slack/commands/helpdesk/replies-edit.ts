import { savedReplyFormView } from '../../views/saved-reply-form';
import type { SubCommandCall } from '../sub-command';
import { mayManage, openReplyForm } from './replies-admin';

/** `/helpdesk replies edit NAME` (admins): the form, filled in with the reply as it is. */
export async function run(call: SubCommandCall): Promise<void> {
  if (!(await mayManage(call))) return;
  const reply = await call.ctx.helpdesk.savedReplies.get(call.actor, { name: call.args.join(' ') });
  await openReplyForm(call, savedReplyFormView(call.tr, reply));
}
