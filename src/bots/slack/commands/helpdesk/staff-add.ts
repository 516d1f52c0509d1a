import { parseMention } from '../../context';
import type { SubCommandCall } from '../sub-command';

/** `/helpdesk staff add @person 1|2|3|admin` (admins). */
export async function run({ ctx, actor, args, answer }: SubCommandCall): Promise<void> {
  const person = parseMention(args[0] ?? '');
  if (!person) return await answer('Name the person with a mention, like `/helpdesk staff add @ann 1`.');
  const added = await ctx.helpdesk.staff.add(actor, { person, role: args[1] ?? '' });
  await answer(
    `${added.displayName || `<@${person.userId}>`} is now ${added.isAdmin && !added.tier ? 'an admin' : `a tier-${added.tier} supporter`}.`,
  );
}
