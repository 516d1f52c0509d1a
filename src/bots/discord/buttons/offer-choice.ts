import {
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APISelectMenuComponent,
  type MessageComponentInteraction,
  type RepliableInteraction,
} from 'discord.js';
import type { StaffMember } from '../../../core/services/staff';
import { actorOf } from '../actor';
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
  prompt: string,
  select: (staff: StaffMember[]) => APISelectMenuComponent,
): Promise<void> {
  // Every component interaction can be answered; discord.js's union type just doesn't say so.
  const repliable = interaction as RepliableInteraction;
  await repliable.deferReply({ flags: MessageFlags.Ephemeral });
  try {
    const staff = await ctx.helpdesk.staff.list(actorOf(interaction.user, interaction.member));
    const row: APIActionRowComponent<APISelectMenuComponent> = {
      type: ComponentType.ActionRow,
      components: [select(staff)],
    };
    await repliable.editReply({ content: prompt, components: [row] });
  } catch (error) {
    await repliable.editReply({ content: errorText(error, ctx) });
  }
}
