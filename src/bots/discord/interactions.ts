import type { Interaction } from 'discord.js';
import { parseTicketCustomId } from './card';
import type { DiscordContext } from './context';
import * as claim from './buttons/claim';
import * as escalate from './buttons/escalate';
import * as pending from './buttons/pending';
import * as priority from './buttons/priority';
import * as reassign from './buttons/reassign';
import * as reopen from './buttons/reopen';
import * as resolve from './buttons/resolve';
import * as solved from './buttons/solved';
import * as type from './buttons/type';
import type { TicketComponentHandler } from './buttons/ticket-action';
import * as note from './commands/note';
import * as ticket from './commands/ticket';
import * as ticketForm from './modals/ticket-form';
import * as escalateTo from './selects/escalate-to';
import * as priorityTo from './selects/priority-to';
import * as reassignTo from './selects/reassign-to';
import * as typeTo from './selects/type-to';

/** Which file answers which interaction: slash commands by name, buttons and selects by the action in their custom id. */
const commands = new Map<string, (interaction: any, ctx: DiscordContext) => Promise<void>>([
  [ticket.name, ticket.run],
  [note.name, note.run],
]);

const components = new Map<string, TicketComponentHandler>(
  [claim, pending, resolve, solved, reopen, escalate, reassign, type, priority, escalateTo, reassignTo, typeTo, priorityTo].map((m) => [m.action, m.run]),
);

export async function onInteraction(interaction: Interaction, ctx: DiscordContext): Promise<void> {
  try {
    if (interaction.isChatInputCommand()) {
      const run = commands.get(interaction.commandName);
      if (run) await run(interaction, ctx);
      return;
    }
    if (interaction.isModalSubmit()) {
      if (interaction.customId.split(':')[0] === ticketForm.prefix) await ticketForm.run(interaction, ctx);
      return;
    }
    if (interaction.isMessageComponent()) {
      const parsed = parseTicketCustomId(interaction.customId);
      const run = parsed && components.get(parsed.action);
      if (run) await run(interaction, parsed.ticketNumber, ctx);
    }
  } catch (error) {
    // Reaching here means the answer itself failed (an expired token, Discord down): nothing left to tell the person.
    ctx.logger.error({ err: error, interaction: interaction.id }, 'could not answer a Discord interaction');
  }
}
