import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { ButtonInteraction } from 'discord.js';
import { messages } from '../../../core/rules/messages';
import { actorOf } from '../actor';
import { answerPrivately } from '../answer';
import type { DiscordContext } from '../context';

/**
 * Confirm and Refuse under the private prompt a link code's owner gets when someone redeems it
 * (`link:confirm:CODE`, `link:refuse:CODE`). The core decides whether the presser may answer.
 */
const LINK_ID = /^link:(confirm|refuse):([A-Z0-9]{6,12})$/;

export function parseLinkCustomId(customId: string): { confirm: boolean; code: string } | null {
  const match = LINK_ID.exec(customId);
  return match ? { confirm: match[1] === 'confirm', code: match[2] } : null;
}

export function linkAnswerRow(code: string): Array<APIActionRowComponent<APIButtonComponent>> {
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        { type: ComponentType.Button, style: ButtonStyle.Success, label: 'Confirm', custom_id: `link:confirm:${code}` },
        { type: ComponentType.Button, style: ButtonStyle.Danger, label: 'Refuse', custom_id: `link:refuse:${code}` },
      ],
    },
  ];
}

export async function run(
  interaction: ButtonInteraction,
  answer: { confirm: boolean; code: string },
  ctx: DiscordContext,
): Promise<void> {
  await answerPrivately(interaction, ctx, async () => {
    const result = await ctx.helpdesk.staff.confirmLink(actorOf(interaction.user, interaction.member), answer);
    return 'linked' in result ? messages.linkConfirmed('slack') : 'Refused: nothing was linked, and the code is spent.';
  });
}
