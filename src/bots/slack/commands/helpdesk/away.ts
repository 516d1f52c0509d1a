import { parseMention } from '../../context';
import type { SubCommandCall } from '../sub-command';

/** `/helpdesk away on|off [@person]`: staff's own availability; admins may name someone else. */
export async function run({ ctx, actor, args, answer, tr }: SubCommandCall): Promise<void> {
  const [state, named] = args;
  if (state !== 'on' && state !== 'off')
    return await answer(
      tr('answers.usage', { examples: '`/helpdesk away on`, `/helpdesk away off`, `/helpdesk away on @person`' }),
    );
  const person = named ? parseMention(named) : null;
  if (named && !person) return await answer(tr('slack.mentionNeeded', { example: '`/helpdesk away on @ann`' }));
  const target = await ctx.helpdesk.staff.setAway(actor, { away: state === 'on', ...(person ? { person } : {}) });
  if (!person) return await answer(tr(state === 'on' ? 'answers.away.youOn' : 'answers.away.youOff'));
  const who = target.displayName || `<@${person.userId}>`;
  await answer(tr(state === 'on' ? 'answers.away.personOn' : 'answers.away.personOff', { person: who }));
}
