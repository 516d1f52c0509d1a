import {
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ChatInputCommandInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import { SAVED_REPLY_NAME_MAX, SAVED_REPLY_TEXT_MAX } from '../../../core/rules/saved-replies';
import type { SavedReply } from '../../../core/services/saved-replies';
import { readerTexts, type Translate } from '../../reader';
import { interactionActor } from '../actor';
import { errorText } from '../answer';
import type { DiscordContext } from '../context';

/**
 * The saved-reply form of `/helpdesk replies add` (`saved-reply-form`) and `edit NAME`
 * (`saved-reply-form:NAME`), and its submit: a name (≤ 40) and a text (≤ 2000).
 */
export const prefix = 'saved-reply-form';

/** Admins only: refused before the form, so nothing is typed in vain (the core checks again on submit). */
export async function showSavedReplyForm(
  interaction: ChatInputCommandInteraction,
  ctx: DiscordContext,
  name?: string,
): Promise<void> {
  const actor = interactionActor(interaction);
  const tr = await readerTexts(ctx.helpdesk, ctx.settings.HELPDESK_LANGUAGE, actor);
  let reply: SavedReply | undefined;
  try {
    await ctx.helpdesk.savedReplies.mayManage(actor);
    if (name !== undefined) reply = await ctx.helpdesk.savedReplies.get(actor, { name });
  } catch (error) {
    return void (await interaction.reply({ content: errorText(error, ctx, tr), flags: MessageFlags.Ephemeral }));
  }
  await interaction.showModal(savedReplyForm(tr, reply));
}

function savedReplyForm(tr: Translate, reply?: SavedReply): ModalBuilder {
  const name = new TextInputBuilder()
    .setCustomId('name')
    .setStyle(TextInputStyle.Short)
    .setMaxLength(SAVED_REPLY_NAME_MAX)
    .setRequired(true);
  const text = new TextInputBuilder()
    .setCustomId('text')
    .setStyle(TextInputStyle.Paragraph)
    .setMaxLength(SAVED_REPLY_TEXT_MAX)
    .setRequired(true);
  if (reply) {
    name.setValue(reply.name);
    text.setValue(reply.text);
  }
  return new ModalBuilder()
    .setCustomId(reply ? `${prefix}:${reply.name}` : prefix)
    .setTitle(tr(reply ? 'savedRepliesChat.formTitleEdit' : 'savedRepliesChat.formTitleNew'))
    .addLabelComponents(
      new LabelBuilder()
        .setLabel(tr('savedRepliesChat.formName'))
        .setDescription(tr('savedRepliesChat.formNameHint'))
        .setTextInputComponent(name),
      new LabelBuilder()
        .setLabel(tr('savedRepliesChat.formText'))
        .setDescription(tr('savedRepliesChat.formTextHint'))
        .setTextInputComponent(text),
    );
}

export async function run(interaction: ModalSubmitInteraction, ctx: DiscordContext): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const actor = interactionActor(interaction);
  const tr = await readerTexts(ctx.helpdesk, ctx.settings.HELPDESK_LANGUAGE, actor);
  // The reply's name as it was when the form opened: a name may hold ':' of its own.
  const editing = interaction.customId.includes(':') ? interaction.customId.split(':').slice(1).join(':') : null;
  const name = interaction.fields.getTextInputValue('name');
  const text = interaction.fields.getTextInputValue('text');
  try {
    const reply = editing
      ? await ctx.helpdesk.savedReplies.edit(actor, { name: editing, newName: name, text })
      : await ctx.helpdesk.savedReplies.add(actor, { name, text });
    await interaction.editReply({
      content: tr(editing ? 'savedRepliesChat.saved' : 'savedRepliesChat.added', { name: reply.name }),
    });
  } catch (error) {
    await interaction.editReply({
      content: tr('savedRepliesChat.notStored', { reason: errorText(error, ctx, tr) }),
      files: [{ attachment: Buffer.from(`${name}\n\n${text}\n`, 'utf8'), name: 'saved-reply-draft.txt' }],
    });
  }
}
