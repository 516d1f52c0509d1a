import { savedReplyListText } from '../../../../core/rules/saved-replies';
import { escapeMrkdwn } from '../../mrkdwn';
import type { SubCommandCall } from '../sub-command';

/** `/helpdesk replies list` (admins): every saved reply, how often it was sent, and how it starts. */
export async function run(call: SubCommandCall): Promise<void> {
  const replies = await call.ctx.helpdesk.savedReplies.overview(call.actor);
  // Names and texts are plain text: escaped, then the list's own bold (Discord's ** is Slack's *).
  const escaped = replies.map((r) => ({ ...r, name: escapeMrkdwn(r.name), text: escapeMrkdwn(r.text) }));
  await call.answer(savedReplyListText(escaped, call.tr).replace(/\*\*/g, '*'));
}
