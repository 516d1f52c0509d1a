import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { catalogListText } from '../../../../core/rules/catalog';
import { textsFor } from '../../../../core/texts';
import { clientLanguage } from '../../answer';
import type { DiscordContext } from '../../context';

/**
 * `/helpdesk catalog list`: every service with the id the other catalog commands take, from
 * memory. Not refused to anyone: the catalog is public knowledge (its article is public too).
 */
export const name = 'helpdesk catalog list';

/** A Discord message holds 2000 characters; a longer list comes as a file. */
const CONTENT_MAX = 2000;

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  const services = ctx.helpdesk.catalog.snapshot();
  // The first answer, with no database call before it: in the language of the person's Discord client.
  const language = clientLanguage(interaction, ctx);
  const text = catalogListText(services, language);
  await interaction.reply(
    text.length <= CONTENT_MAX
      ? { content: text, flags: MessageFlags.Ephemeral }
      : {
          content: textsFor(language)('answers.catalog.attached', { count: services.length }),
          files: [{ attachment: Buffer.from(text, 'utf8'), name: 'catalog.txt' }],
          flags: MessageFlags.Ephemeral,
        },
  );
}
