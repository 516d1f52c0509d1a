import type { ChatInputCommandInteraction } from 'discord.js';
import { interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';
import { EMBED_DESCRIPTION_MAX } from '../../format';

/** `/kb read ID`: the article in an embed; one too long for an embed comes whole as a file. */
export const name = 'kb read';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const id = interaction.options.getInteger('id', true);
    const article = await ctx.helpdesk.knowledge.read(interactionActor(interaction), { id });
    const footer = {
      text:
        [
          article.tags.length ? tr('answers.kb.tags', { tags: article.tags.join(', ') }) : '',
          article.visibility === 'staff' ? tr('answers.kb.staffOnly') : '',
        ]
          .filter(Boolean)
          .join(' · ') || tr('answers.kb.article', { id: article.id }),
    };
    const title = `${article.id} · ${article.title}`.slice(0, 256);
    if (article.body.length <= EMBED_DESCRIPTION_MAX)
      return { content: '', embeds: [{ title, description: article.body, footer }] };
    const preview = `${article.body.slice(0, 1500).trimEnd()}…`;
    return {
      content: tr('answers.kb.tooLongAttached', { id: article.id, length: article.body.length }),
      embeds: [{ title, description: preview, footer }],
      files: [
        {
          attachment: Buffer.from(`# ${article.title}\n\n${article.body}\n`, 'utf8'),
          name: `article-${article.id}.md`,
        },
      ],
    };
  });
}
