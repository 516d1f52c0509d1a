import { parseMention } from '../../context';
import type { SubCommandCall } from '../sub-command';

/** `/helpdesk staff remove @person` (admins). */
export async function run({ ctx, actor, args, answer, tr }: SubCommandCall): Promise<void> {
  const person = parseMention(args[0] ?? '');
  if (!person) return await answer(tr('slack.mentionNeeded', { example: '`/helpdesk staff remove @ann`' }));
  const removed = await ctx.helpdesk.staff.remove(actor, { person });
  await answer(tr('answers.staff.removed', { person: removed.displayName || `<@${person.userId}>` }));
}
