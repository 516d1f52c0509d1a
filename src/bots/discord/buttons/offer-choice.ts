import {
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APISelectMenuComponent,
  type MessageComponentInteraction,
  type RepliableInteraction,
} from 'discord.js';
import type { ActorRef } from '../../../core/services/people';
import type { StaffMember } from '../../../core/services/staff';
import { readerTexts, type Translate } from '../../reader';
import { interactionActor } from '../actor';
import { errorText } from '../answer';
import type { DiscordContext } from '../context';

/**
 * A card button that needs a choice first (escalate to whom, reassign to whom, which type or
 * priority): answers privately with a select. Listing staff is itself staff-only, so a customer
 * is refused here, before any choice is offered; the core checks again when the choice is made.
 */
export async function offerChoice(
  interaction: MessageComponentInteraction,
  ctx: DiscordContext,
  prompt: (tr: Translate) => string,
  select: (staff: StaffMember[], tr: Translate) => APISelectMenuComponent,
): Promise<void> {
  await offerChoiceFrom(interaction, ctx, async (actor, tr) => ({
    prompt: prompt(tr),
    select: select(await ctx.helpdesk.staff.list(actor), tr),
  }));
}

/** As offerChoice, with a prompt and select built from what the core answers (which may refuse). */
export async function offerChoiceFrom(
  interaction: MessageComponentInteraction,
  ctx: DiscordContext,
  build: (actor: ActorRef, tr: Translate) => Promise<{ prompt: string; select: APISelectMenuComponent }>,
): Promise<void> {
  // Every component interaction can be answered; discord.js's union type just doesn't say so.
  const repliable = interaction as RepliableInteraction;
  await repliable.deferReply({ flags: MessageFlags.Ephemeral });
  const actor = interactionActor(interaction);
  const tr = await readerTexts(ctx.helpdesk, ctx.settings.HELPDESK_LANGUAGE, actor);
  try {
    const { prompt, select } = await build(actor, tr);
    const row: APIActionRowComponent<APISelectMenuComponent> = {
      type: ComponentType.ActionRow,
      components: [select],
    };
    await repliable.editReply({ content: prompt, components: [row] });
  } catch (error) {
    await repliable.editReply({ content: errorText(error, ctx, tr) });
  }
}
