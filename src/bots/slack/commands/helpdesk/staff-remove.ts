import { parseMention } from '../../context';
import type { SubCommandCall } from '../sub-command';

/** `/helpdesk staff remove @person` (admins). */
export async function run({ ctx, actor, args, answer }: SubCommandCall): Promise<void> {
  const person = parseMention(args[0] ?? '');
  if (!person) return await answer('Name the person with a mention, like `/helpdesk staff add @ann 1`.');
  const removed = await ctx.helpdesk.staff.remove(actor, { person });
  await answer(`${removed.displayName || `<@${person.userId}>`} is no longer staff.`);
}
