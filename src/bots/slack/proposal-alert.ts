import type { KnownBlock, WebClient } from '@slack/web-api';
import type { Helpdesk } from '../../core/helpdesk';
import { textsFor } from '../../core/texts';
import type { Translate } from '../reader';
import { proposalAlertText, REPORTS_LISTED, type ProposalView } from '../../core/rules/proposal-alert';
import { PermanentDeliveryError, type OutgoingDelivery, type SendOptions } from '../../delivery/sender';
import type { Posted, SlackPost } from './post-once';
import { fitText } from '../../core/rules/fit';
import { MAJOR_DECLARE, MAJOR_NOT_RELATED, SECTION_MAX } from './blocks';

export const MAJOR_DISMISS = 'major_dismiss';

/**
 * A major-incident proposal's alert: the text as plain text (titles are what customers typed),
 * while open a "Not related" beside each listed report (its value `<proposalId>:<ticketNumber>`)
 * and Declare / Dismiss under them; decided, no buttons (Slack has no disabled buttons).
 */
export function proposalBlocks(view: ProposalView, tr: Translate): KnownBlock[] {
  const text = proposalAlertText(view, tr);
  if (view.status !== 'open' || view.reports.length === 0)
    return [{ type: 'section', text: { type: 'plain_text', text: fitText(text, SECTION_MAX) } }];
  const [heading, ...rest] = text.split('\n');
  const footer = rest[rest.length - 1];
  const button = (action_id: string, value: string, label: string, style?: 'danger') => ({
    type: 'button' as const,
    action_id,
    value,
    text: { type: 'plain_text' as const, text: label },
    ...(style ? { style } : {}),
  });
  return [
    { type: 'section', text: { type: 'plain_text', text: heading } },
    ...view.reports.slice(0, REPORTS_LISTED).map((r): KnownBlock => ({
      type: 'section',
      block_id: `proposal:${view.id}:${r.number}`,
      text: { type: 'plain_text', text: fitText(`#${r.number} ${r.title}`, SECTION_MAX) },
      accessory: button(MAJOR_NOT_RELATED, `${view.id}:${r.number}`, tr('lookAlike.notRelated')),
    })),
    { type: 'context', elements: [{ type: 'plain_text', text: fitText(footer, SECTION_MAX) }] },
    {
      type: 'actions',
      block_id: `proposal:${view.id}`,
      elements: [
        button(MAJOR_DECLARE, String(view.id), tr('lookAlike.declare'), 'danger'),
        button(MAJOR_DISMISS, String(view.id), tr('lookAlike.dismiss')),
      ],
    },
  ];
}

/** Posted once in the support channel (staff only), then edited to the proposal as it is now. */
export async function sendProposalAlert(
  helpdesk: Helpdesk,
  client: WebClient,
  supportChannel: string | undefined,
  delivery: OutgoingDelivery,
  io: SendOptions & { post(step: string, message: SlackPost): Promise<Posted> },
): Promise<void> {
  if (!supportChannel) throw new PermanentDeliveryError('no_support_channel', 'SLACK_SUPPORT_CHANNEL is not set');
  const view = await helpdesk.proposals.forProposal(Number(delivery.payload.proposalId));
  // The support channel reads the helpdesk's language.
  const tr = textsFor(helpdesk.languages.staff());
  const message = { text: proposalAlertText(view, tr), blocks: proposalBlocks(view, tr) };
  if (view.location.slackTs) {
    await client.chat.update({
      channel: view.location.slackChannel ?? supportChannel,
      ts: view.location.slackTs,
      ...message,
    });
    return;
  }
  // Posted at most once (a resend finds the first post), and where it is recorded even if the database blinks.
  const posted = await io.post('proposal', { channel: supportChannel, ...message });
  await io.record(() => helpdesk.proposals.saveLocation(view.id, { slackChannel: posted.channel, slackTs: posted.ts }));
}
