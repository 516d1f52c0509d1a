import { parseMention } from '../../context';
import type { SubCommandCall } from '../sub-command';

/** `/helpdesk away on|off [@person]`: staff's own availability; admins may name someone else. */
export async function run({ ctx, actor, args, answer }: SubCommandCall): Promise<void> {
  const [state, named] = args;
  if (state !== 'on' && state !== 'off')
    return await answer('Try `/helpdesk away on` or `/helpdesk away off` (admins: add `@person`).');
  const person = named ? parseMention(named) : null;
  if (named && !person) return await answer('Name the person with a mention, like `/helpdesk away on @ann`.');
  const target = await ctx.helpdesk.staff.setAway(actor, { away: state === 'on', ...(person ? { person } : {}) });
  const who = person ? target.displayName || `<@${person.userId}>` : 'You';
  await answer(
    state === 'on'
      ? `${who} ${person ? 'is' : 'are'} away: no new tickets are assigned.`
      : `${who} ${person ? 'is' : 'are'} back: new tickets are assigned again.`,
  );
}
