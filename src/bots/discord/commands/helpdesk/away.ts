import type { ChatInputCommandInteraction } from 'discord.js';
import { actorOf, interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';

/** `/helpdesk away on|off [@person]`: staff for themselves, admins for anyone. */
export const name = 'helpdesk away';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const away = interaction.options.getString('state', true) === 'on';
    const user = interaction.options.getUser('person');
    const person = user ? actorOf(user, interaction.options.getMember('person')) : undefined;
    const updated = await ctx.helpdesk.staff.setAway(interactionActor(interaction), { away, person });
    if (!person) return tr(away ? 'answers.away.youOn' : 'answers.away.youOff');
    const who = updated.displayName || person.displayName || '';
    return tr(away ? 'answers.away.personOn' : 'answers.away.personOff', { person: who });
  });
}
