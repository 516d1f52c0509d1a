import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIButtonComponentWithCustomId,
} from 'discord.js';
import { REPORTS_LISTED, type ProposalView } from '../../core/rules/proposal-alert';
import type { Translate } from '../reader';

/**
 * The buttons under a major-incident proposal's alert. Their custom ids carry the proposal, not
 * a ticket: `major:declare:<proposalId>`, `major:dismiss:<proposalId>`, and one
 * `major:not-related:<proposalId>:<ticketNumber>` per listed report.
 */
export const proposalButtonId = (action: string, proposalId: number, ticketNumber?: number) =>
  `major:${action}:${proposalId}${ticketNumber === undefined ? '' : `:${ticketNumber}`}`;

export function parseProposalCustomId(
  customId: string,
): { action: string; proposalId: number; ticketNumber: number | null } | null {
  const match = /^major:([a-z-]+):(\d+)(?::(\d+))?$/.exec(customId);
  return match
    ? { action: match[1], proposalId: Number(match[2]), ticketNumber: match[3] ? Number(match[3]) : null }
    : null;
}

const BUTTONS_PER_ROW = 5;

/** Declare and Dismiss, then a "Not related" per listed report; all disabled once the proposal is decided. */
export function proposalRows(view: ProposalView, tr: Translate): Array<APIActionRowComponent<APIButtonComponent>> {
  const disabled = view.status !== 'open';
  const button = (
    style: ButtonStyle.Danger | ButtonStyle.Secondary,
    label: string,
    custom_id: string,
  ): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    style,
    label,
    custom_id,
    disabled,
  });
  const reports = view.reports
    .slice(0, REPORTS_LISTED)
    .map((r) =>
      button(
        ButtonStyle.Secondary,
        tr('lookAlike.notRelatedTo', { number: r.number }),
        proposalButtonId('not-related', view.id, r.number),
      ),
    );
  const rows: APIButtonComponent[][] = [
    [
      button(ButtonStyle.Danger, tr('lookAlike.declare'), proposalButtonId('declare', view.id)),
      button(ButtonStyle.Secondary, tr('lookAlike.dismiss'), proposalButtonId('dismiss', view.id)),
    ],
  ];
  for (let i = 0; i < reports.length; i += BUTTONS_PER_ROW) rows.push(reports.slice(i, i + BUTTONS_PER_ROW));
  return rows.map((components) => ({ type: ComponentType.ActionRow, components }));
}
