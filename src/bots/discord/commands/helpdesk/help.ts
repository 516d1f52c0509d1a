import type { ChatInputCommandInteraction } from 'discord.js';
import { helpHeading, helpList } from '../../../../core/rules/command-catalogue';
import { interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';

/** `/helpdesk help`: what this person may run, from the command catalogue, in their language. */
export const name = 'helpdesk help';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async () => {
    const actor = interactionActor(interaction);
    const [language, role] = await Promise.all([ctx.helpdesk.languages.of(actor), ctx.helpdesk.staff.roleOf(actor)]);
    const lines = helpList(role, 'discord', language).map(({ usage, text }) =>
      usage ? `\`${usage}\` — ${text}` : text,
    );
    // The list in an embed, whose text holds 4096 characters: an admin's outgrew a message's 2000.
    return { content: helpHeading(role, language), embeds: [{ description: lines.join('\n') }] };
  });
}
