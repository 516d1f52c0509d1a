import type { ChatInputCommandInteraction } from 'discord.js';
import { actorOf } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';
import { namedPerson } from './person-option';

/** `/helpdesk export person:@someone` or `id:…` (admins): everything kept about them, as a JSON file, privately. */
export const name = 'helpdesk export';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async () => {
    const person = namedPerson(interaction);
    const data = await ctx.helpdesk.privacy.export(actorOf(interaction.user, interaction.member), { person });
    return {
      content: `Everything the helpdesk keeps about ${data.person.displayName || `${person.platform} user ${person.userId}`} is attached.`,
      files: [
        {
          attachment: Buffer.from(JSON.stringify(data, null, 2), 'utf8'),
          name: `person-${person.platform}-${person.userId}.json`,
        },
      ],
    };
  });
}
