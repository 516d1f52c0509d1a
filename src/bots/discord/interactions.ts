import { DiscordjsErrorCodes, DiscordjsTypeError, MessageFlags, type Interaction } from 'discord.js';
import { errorText } from './answer';
import { arriving } from './ack-first-interactions';
import { parseTicketCustomId } from './card';
import { parseGuideCustomId } from './guide';
import { parseProposalCustomId } from './staff-alert';
import { isFromHelpdeskGuild } from './guild';
import type { DiscordContext } from './context';
import * as claim from './buttons/claim';
import * as declareMajor from './buttons/declare-major';
import * as dismissProposal from './buttons/dismiss-proposal';
import * as notRelated from './buttons/not-related';
import type { ProposalHandler } from './buttons/proposal-action';
import * as rate from './buttons/rate';
import * as rateComment from './buttons/rate-comment';
import * as escalate from './buttons/escalate';
import * as forgetConfirm from './buttons/forget-confirm';
import * as guideForm from './buttons/guide-form';
import * as linkAnswer from './buttons/link-answer';
import * as guideOpen from './buttons/guide-open';
import * as guideShow from './buttons/guide-show';
import * as guideSolved from './buttons/guide-solved';
import * as pending from './buttons/pending';
import * as priority from './buttons/priority';
import * as reassign from './buttons/reassign';
import * as reopen from './buttons/reopen';
import * as resolve from './buttons/resolve';
import * as solved from './buttons/solved';
import * as type from './buttons/type';
import type { TicketComponentHandler } from './buttons/ticket-action';
import * as away from './commands/helpdesk/away';
import * as catalogAdd from './commands/helpdesk/catalog-add';
import * as catalogEdit from './commands/helpdesk/catalog-edit';
import * as catalogList from './commands/helpdesk/catalog-list';
import * as catalogRemove from './commands/helpdesk/catalog-remove';
import * as dashboard from './commands/helpdesk/dashboard';
import * as exportPerson from './commands/helpdesk/export';
import * as forget from './commands/helpdesk/forget';
import * as help from './commands/helpdesk/help';
import * as language from './commands/helpdesk/language';
import * as link from './commands/helpdesk/link';
import * as mark from './commands/helpdesk/mark';
import * as redact from './commands/helpdesk/redact';
import * as setup from './commands/helpdesk/setup';
import * as slaHoliday from './commands/helpdesk/sla-holiday';
import * as slaHours from './commands/helpdesk/sla-hours';
import * as slaSet from './commands/helpdesk/sla-set';
import * as slaShow from './commands/helpdesk/sla-show';
import * as stats from './commands/helpdesk/stats';
import * as staffAdd from './commands/helpdesk/staff-add';
import * as staffRemove from './commands/helpdesk/staff-remove';
import * as kbEdit from './commands/kb/edit';
import * as kbNew from './commands/kb/new';
import * as kbRead from './commands/kb/read';
import * as kbSearch from './commands/kb/search';
import * as note from './commands/note';
import * as ticket from './commands/ticket';
import * as ticketsAssign from './commands/tickets/assign';
import * as ticketsEscalate from './commands/tickets/escalate';
import * as ticketsLink from './commands/tickets/link';
import * as ticketsList from './commands/tickets/list';
import * as ticketsPriority from './commands/tickets/priority';
import * as ticketsSearch from './commands/tickets/search';
import * as ticketsShow from './commands/tickets/show';
import * as ticketsTranscript from './commands/tickets/transcript';
import * as ticketsUnlink from './commands/tickets/unlink';
import * as catalogForm from './modals/catalog-form';
import * as guideFormSubmit from './modals/guide-form';
import * as kbForm from './modals/kb-form';
import * as ratingComment from './modals/rating-comment';
import * as ticketForm from './modals/ticket-form';
import * as escalateTo from './selects/escalate-to';
import * as guideService from './selects/guide-service';
import * as priorityTo from './selects/priority-to';
import * as reassignTo from './selects/reassign-to';
import * as typeTo from './selects/type-to';

import * as ticketFromMessage from './commands/ticket-from-message';
import * as waysInCancel from './buttons/ways-in-cancel';
import * as waysInOpen from './buttons/ways-in-open';
import * as waysInService from './selects/ways-in-service';
import * as reply from './commands/reply';
import * as repliesAdd from './commands/helpdesk/replies-add';
import * as repliesEdit from './commands/helpdesk/replies-edit';
import * as repliesList from './commands/helpdesk/replies-list';
import * as repliesRemove from './commands/helpdesk/replies-remove';
import * as savedReplyEdit from './buttons/saved-reply-edit';
import * as savedReplySend from './buttons/saved-reply-send';
import * as savedReplyForm from './modals/saved-reply-form';
import * as savedReplyText from './modals/saved-reply-text';
import { answerReplyNames, parseSavedReplyId } from './saved-replies';
import { parseWaysInId } from './ways-in';
/**
 * Which file answers which interaction: slash commands by their full name ("tickets list",
 * "helpdesk staff add"), modals by the prefix of their custom id, buttons and selects by the
 * action in their custom id.
 */
const commands = new Map<string, (interaction: any, ctx: DiscordContext) => Promise<void>>(
  [
    ticket,
    note,
    ticketsList,
    ticketsShow,
    ticketsSearch,
    ticketsTranscript,
    ticketsAssign,
    ticketsEscalate,
    ticketsPriority,
    ticketsLink,
    ticketsUnlink,
    kbSearch,
    kbRead,
    kbNew,
    kbEdit,
    staffAdd,
    staffRemove,
    away,
    link,
    mark,
    setup,
    slaShow,
    slaSet,
    slaHours,
    slaHoliday,
    stats,
    redact,
    forget,
    exportPerson,
    help,
    language,
    catalogList,
    catalogAdd,
    catalogEdit,
    catalogRemove,
    dashboard,
    reply,
    repliesList,
    repliesAdd,
    repliesEdit,
    repliesRemove,
  ].map((m) => [m.name, m.run]),
);

const modals = new Map<string, (interaction: any, ctx: DiscordContext) => Promise<void>>(
  [ticketForm, guideFormSubmit, kbForm, ratingComment, catalogForm, savedReplyForm, savedReplyText].map((m) => [
    m.prefix,
    m.run,
  ]),
);

const components = new Map<string, TicketComponentHandler>([
  ...[
    claim,
    pending,
    resolve,
    solved,
    reopen,
    escalate,
    reassign,
    type,
    priority,
    escalateTo,
    reassignTo,
    typeTo,
    priorityTo,
    rateComment,
  ].map((m) => [m.action, m.run] as const),
  // One file answers the five rating buttons; the score is in the custom id.
  ...rate.actions.map((action) => [action, rate.run] as const),
]);

/** The creation guide's select and buttons carry a service or a stored form (`guide:<action>:…`). */
const guideComponents = new Map<string, (interaction: any, args: string[], ctx: DiscordContext) => Promise<void>>(
  [guideService, guideForm, guideSolved, guideOpen, guideShow].map((m) => [m.action, m.run]),
);

/** Buttons under a staff alert carry a major-incident proposal instead of a ticket. */
const proposalButtons = new Map<string, ProposalHandler>(
  [declareMajor, dismissProposal, notRelated].map((m) => [m.action, m.run]),
);

export async function onInteraction(interaction: Interaction, ctx: DiscordContext): Promise<void> {
  // Every handler answers first; by its end it surely has (or never will): either way it no longer holds others back.
  const answered = arriving(interaction, ctx);
  try {
    // Another server's, or a DM from someone not in ours: not the helpdesk's to answer.
    if (
      !(await isFromHelpdeskGuild(ctx, interaction.client.rest, {
        guildId: interaction.guildId,
        userId: interaction.user.id,
      }))
    )
      return;
    if (!(await route(interaction, ctx))) await answerPlainly(interaction, UNKNOWN_CONTROL, ctx);
  } catch (error) {
    await answerPlainly(interaction, failureText(error, ctx), ctx);
  } finally {
    answered();
  }
}

/** Runs the file that answers this interaction; false when none does (a custom id or command this helpdesk never made). */
async function route(interaction: Interaction, ctx: DiscordContext): Promise<boolean> {
  if (interaction.isChatInputCommand()) {
    const { options } = interaction;
    const fullName = [interaction.commandName, options.getSubcommandGroup(false), options.getSubcommand(false)]
      .filter(Boolean)
      .join(' ');
    const run = commands.get(fullName);
    if (run) await run(interaction, ctx);
    return Boolean(run);
  }
  if (interaction.isModalSubmit()) {
    const run = modals.get(interaction.customId.split(':')[0]);
    if (run) await run(interaction, ctx);
    return Boolean(run);
  }
  if (interaction.isMessageContextMenuCommand() && interaction.commandName === ticketFromMessage.name) {
    await ticketFromMessage.run(interaction, ctx);
    return true;
  }
  const waysIn = interaction.isMessageComponent() ? parseWaysInId(interaction.customId) : null;
  if (waysIn && interaction.isMessageComponent()) {
    if (waysIn.action === 'service' && interaction.isStringSelectMenu())
      await waysInService.run(interaction, waysIn, ctx);
    else if (waysIn.action === 'open' && interaction.isButton()) await waysInOpen.run(interaction, waysIn, ctx);
    else if (waysIn.action === 'cancel') await waysInCancel.run(interaction, ctx);
    else return false;
    return true;
  }
  const savedReply = interaction.isButton() ? parseSavedReplyId(interaction.customId) : null;
  if (savedReply && interaction.isButton()) {
    await (savedReply.action === 'send' ? savedReplySend : savedReplyEdit).run(interaction, savedReply, ctx);
    return true;
  }
  if (interaction.isAutocomplete()) {
    // The one option offered as typed: a saved reply's name (`/reply`, `/helpdesk replies edit|remove`).
    if (interaction.options.getFocused(true).name === 'name') await answerReplyNames(interaction, ctx);
    return true;
  }
  if (interaction.isButton() && interaction.customId.startsWith(`${forgetConfirm.prefix}:`)) {
    await forgetConfirm.run(interaction, ctx);
    return true;
  }
  if (interaction.isMessageComponent()) {
    const parsed = parseTicketCustomId(interaction.customId);
    const run = parsed && components.get(parsed.action);
    if (run) await run(interaction, parsed.ticketNumber, ctx);
    const proposal = parseProposalCustomId(interaction.customId);
    const decide = proposal && proposalButtons.get(proposal.action);
    if (decide) await decide(interaction, proposal, ctx);
    const guide = parseGuideCustomId(interaction.customId);
    const step = guide && guideComponents.get(guide.action);
    if (step) await step(interaction, guide.args, ctx);
    const linkAnswered = interaction.isButton() && linkAnswer.parseLinkCustomId(interaction.customId);
    if (linkAnswered) await linkAnswer.run(interaction, linkAnswered, ctx);
    return Boolean(run || decide || step || linkAnswered);
  }
  return true; // autocomplete and the like: nothing to answer
}

const UNKNOWN_CONTROL =
  'That button or form is not one the helpdesk knows (it may be from an older message). Please run the command again.';
const INCOMPLETE_FORM = 'That form came back without all of its fields. Please open it again.';

/** A form submitted without a field it had (an older form, or a forged one) is the sender's problem, not ours. */
function failureText(error: unknown, ctx: DiscordContext): string {
  if (error instanceof DiscordjsTypeError && error.code === DiscordjsErrorCodes.ModalSubmitInteractionFieldNotFound) {
    ctx.logger.warn({ err: error }, 'a Discord form came back without one of its fields');
    return INCOMPLETE_FORM;
  }
  return errorText(error, ctx);
}

/**
 * The answer of last resort: the interaction was not answered by a handler (none knows it, or it
 * failed first), so Discord would show "This interaction failed". A private text instead.
 */
async function answerPlainly(interaction: Interaction, content: string, ctx: DiscordContext): Promise<void> {
  if (!interaction.isRepliable() || interaction.replied) return;
  try {
    // A deferred update (a button that redraws its message) has no reply of its own to edit: a follow-up says it.
    const deferredUpdate =
      interaction.deferred && (interaction.ephemeral === null || interaction.ephemeral === undefined);
    if (deferredUpdate) await interaction.followUp({ content, flags: MessageFlags.Ephemeral });
    else if (interaction.deferred) await interaction.editReply({ content });
    else await interaction.reply({ content, flags: MessageFlags.Ephemeral });
  } catch (error) {
    // Reaching here means the answer itself failed (an expired token, Discord down): nothing left to tell the person.
    ctx.logger.error({ err: error, interaction: interaction.id }, 'could not answer a Discord interaction');
  }
}
