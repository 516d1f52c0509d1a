import type { SubCommandCall } from '../sub-command';

/** `/helpdesk replies remove NAME` (admins): archived, so its revisions and its count stay. */
export async function run(call: SubCommandCall): Promise<void> {
  const reply = await call.ctx.helpdesk.savedReplies.remove(call.actor, { name: call.args.join(' ') });
  await call.answer(call.tr('savedRepliesChat.removed', { name: reply.name }));
}
