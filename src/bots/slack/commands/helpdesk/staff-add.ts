import { parseMention } from '../../context';
import type { SubCommandCall } from '../sub-command';

/** `/helpdesk staff add @person 1|2|3|admin` (admins). */
export async function run({ ctx, actor, args, answer, tr }: SubCommandCall): Promise<void> {
  const person = parseMention(args[0] ?? '');
  if (!person) return await answer(tr('slack.mentionNeeded', { example: '`/helpdesk staff add @ann 1`' }));
  const added = await ctx.helpdesk.staff.add(actor, { person, role: args[1] ?? '' });
  const who = added.displayName || `<@${person.userId}>`;
  await answer(
    added.isAdmin && !added.tier
      ? tr('answers.staff.admin', { person: who })
      : tr('answers.staff.supporter', { person: who, tier: added.tier ?? '' }),
  );
}
