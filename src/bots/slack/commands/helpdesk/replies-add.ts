import { savedReplyFormView } from '../../views/saved-reply-form';
import type { SubCommandCall } from '../sub-command';
import { mayManage, openReplyForm } from './replies-admin';

/** `/helpdesk replies add` (admins): the form for a new saved reply. */
export async function run(call: SubCommandCall): Promise<void> {
  if (await mayManage(call)) await openReplyForm(call, savedReplyFormView(call.tr));
}
