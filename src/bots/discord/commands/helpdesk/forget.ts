import { ButtonStyle, ComponentType, type ChatInputCommandInteraction } from 'discord.js';
import { erasureQuestion } from '../../../privacy-answers';
import { interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';
import { forgetButtonId } from '../../buttons/forget-confirm';
import { namedPerson } from './person-option';

/**
 * `/helpdesk forget person:@someone` or `id:…` (admins): asks first. The core checks the admin and
 * finds the person; the answer names them and what goes, with Erase and Cancel buttons.
 */
export const name = 'helpdesk forget';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const person = namedPerson(interaction, tr);
    const preview = await ctx.helpdesk.privacy.forgetPreview(interactionActor(interaction), {
      person,
    });
    return {
      content: erasureQuestion(preview, tr),
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            {
              type: ComponentType.Button,
              style: ButtonStyle.Danger,
              label: tr('answers.privacy.erase'),
              custom_id: forgetButtonId('confirm', person),
            },
            {
              type: ComponentType.Button,
              style: ButtonStyle.Secondary,
              label: tr('answers.privacy.cancel'),
              custom_id: 'forget:cancel',
            },
          ],
        },
      ],
    };
  });
}
