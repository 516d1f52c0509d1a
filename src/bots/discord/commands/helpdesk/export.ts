import type { ChatInputCommandInteraction } from 'discord.js';
import { interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';
import { namedPerson } from './person-option';

/** `/helpdesk export person:@someone` or `id:…` (admins): everything kept about them, as a JSON file, privately. */
export const name = 'helpdesk export';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const person = namedPerson(interaction, tr);
    const data = await ctx.helpdesk.privacy.export(interactionActor(interaction), { person });
    return {
      content: tr('answers.privacy.exportAttached', {
        person: data.person.displayName || `${person.platform}:${person.userId}`,
      }),
      files: [
        {
          attachment: Buffer.from(JSON.stringify(data, null, 2), 'utf8'),
          name: `person-${person.platform}-${person.userId}.json`,
        },
      ],
    };
  });
}
