import { Routes, type REST } from 'discord.js';
import type { Helpdesk } from '../../core/helpdesk';
import { proposalAlertText } from '../../core/rules/proposal-alert';
import { PermanentDeliveryError, type OutgoingDelivery, type SendOptions } from '../../delivery/sender';
import { MESSAGE_MAX } from './format';
import { proposalRows } from './staff-alert';
import { textsFor } from '../../core/texts';

type Post = (channelId: string, body: Record<string, unknown>, step: string) => Promise<{ id: string }>;

/**
 * A major-incident proposal's alert in the staff channel: posted once, then edited to the
 * proposal as it is now (its reports, or how it was decided, its buttons disabled then).
 */
export async function sendProposalAlert(
  helpdesk: Helpdesk,
  rest: REST,
  staffChannel: string | undefined,
  delivery: OutgoingDelivery,
  post: Post,
  io: SendOptions,
): Promise<void> {
  if (!staffChannel) throw new PermanentDeliveryError('no_staff_channel', 'DISCORD_STAFF_CHANNEL_ID is not set');
  const view = await helpdesk.proposals.forProposal(Number(delivery.payload.proposalId));
  // The staff channel reads the helpdesk's language.
  const tr = textsFor(helpdesk.languages.staff());
  const body = { content: proposalAlertText(view, tr).slice(0, MESSAGE_MAX), components: proposalRows(view, tr) };
  const messageId = view.location.discordMessageId;
  if (messageId) {
    await rest.patch(Routes.channelMessage(view.location.discordChannelId ?? staffChannel, messageId), {
      body: { ...body, allowed_mentions: { parse: [] } },
      signal: io.signal,
    });
    return;
  }
  const posted = await post(staffChannel, body, 'p');
  await io.record(() =>
    helpdesk.proposals.saveLocation(view.id, { discordChannelId: staffChannel, discordMessageId: posted.id }),
  );
}
