import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';

/**
 * The buttons under a staff alert that proposes a major incident. Their custom ids carry the
 * proposal, not a ticket: `major:declare:<proposalId>`, `major:not-related:<proposalId>`.
 */
export const proposalButtonId = (action: string, proposalId: number) => `major:${action}:${proposalId}`;

export function parseProposalCustomId(customId: string): { action: string; proposalId: number } | null {
  const match = /^major:([a-z-]+):(\d+)$/.exec(customId);
  return match ? { action: match[1], proposalId: Number(match[2]) } : null;
}

export function proposalRow(proposalId: number): Array<APIActionRowComponent<APIButtonComponent>> {
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.Button,
          style: ButtonStyle.Danger,
          label: 'Declare major incident',
          custom_id: proposalButtonId('declare', proposalId),
        },
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          label: 'Not related',
          custom_id: proposalButtonId('not-related', proposalId),
        },
      ],
    },
  ];
}
