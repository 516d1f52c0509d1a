import type { ButtonInteraction } from 'discord.js';
import type { IdentityRef } from '../../../core/model';
import { PLATFORMS, type Platform } from '../../../core/model';
import { erasureAnswer } from '../../privacy-answers';
import { interactionActor } from '../actor';
import { answerPrivately } from '../answer';
import type { DiscordContext } from '../context';

/** The buttons under `/helpdesk forget`'s question: `forget:confirm:<platform>:<user id>`, or `forget:cancel`. */
export const prefix = 'forget';

export const forgetButtonId = (step: 'confirm', person: IdentityRef) =>
  `forget:${step}:${person.platform}:${person.userId}`;

/** Erase: the core checks again that the presser is an admin, and erases in one transaction. */
export async function run(interaction: ButtonInteraction, ctx: DiscordContext): Promise<void> {
  const [, step, platform, userId] = interaction.customId.split(':');
  await answerPrivately(interaction, ctx, async (tr) => {
    if (step !== 'confirm' || !PLATFORMS.includes(platform as Platform) || !userId)
      return tr('answers.erasure.nothingErased');
    const result = await ctx.helpdesk.privacy.forget(interactionActor(interaction), {
      person: { platform: platform as Platform, userId },
    });
    return erasureAnswer(result, tr);
  });
}
