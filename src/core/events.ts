import type { Platform, Priority, Resolution, TicketStatus, TicketType, Tier } from './model';
import type { SlaTarget } from './rules/sla';
import type { RedactablePart } from './schemas';

/** How a ticket came to its assignee (or to no one). */
export type AssignHow = 'auto' | 'claim' | 'reassign' | 'escalate' | 'waiting' | 'staff_removed';

/**
 * What a ticket's history holds, kind by kind: `ticket_event.data` is the `data` of its kind. An
 * optional field is left out of the stored JSON when undefined, so a flag is there only when true.
 */
export type TicketEventData =
  | { kind: 'opened'; data: { onBehalfOf?: number; followUpOfId?: number } }
  | { kind: 'assigned'; data: { assigneeId: number | null; previousAssigneeId: number | null; how: AssignHow } }
  | { kind: 'waiting'; data: { tier: Tier; previousAssigneeId: number | null; how: AssignHow } }
  | {
      kind: 'commented';
      data: { commentId: number; byCustomer: boolean; writtenInTicketId?: number | null; firstResponse?: true };
    }
  | { kind: 'noted'; data: { commentId: number } }
  | {
      kind: 'status_changed';
      data: {
        from: TicketStatus;
        to: TicketStatus;
        resolution?: Resolution;
        reason?: 'reopened' | 'customer_reply';
      };
    }
  | { kind: 'type_changed'; data: { from: TicketType; to: TicketType } }
  | { kind: 'priority_changed'; data: { from: Priority; to: Priority; override: true } }
  | { kind: 'escalated'; data: { fromTier: Tier; toTier: Tier; reason?: 'sla_breach' } }
  | { kind: 'follow_up_opened'; data: { followUpNumber: number; followUpId: number } }
  | { kind: 'reminded'; data: { day: number; pendingSince: string } }
  | { kind: 'comment_edited'; data: { commentId: number } }
  | { kind: 'comment_deleted'; data: { commentId: number } }
  | {
      kind: 'comment_redacted';
      data: { commentId: number; platforms: Platform[]; writtenInTicketId?: number; description?: true };
    }
  | { kind: 'ticket_redacted'; data: { part: RedactablePart } }
  | { kind: 'ticket_erased'; data: { closed: boolean } }
  | { kind: 'sla_warning'; data: { targets: SlaTarget[]; target: SlaTarget; dueAt?: string } }
  | { kind: 'sla_breached'; data: { targets: SlaTarget[]; target: SlaTarget; toAdmins?: true } }
  | { kind: 'rated'; data: { score: number; comment?: string | null } }
  | { kind: 'major_proposed'; data: { proposalId: number; ticketIds: number[] } }
  | { kind: 'major_declared'; data: { ticketNumbers: number[]; platforms: Platform[]; automatically?: true } }
  | { kind: 'linked'; data: { parentId: number; parentNumber: number } }
  | { kind: 'unlinked'; data: { parentId: number | null; reason?: 'reopened' } };

export type EventKind = TicketEventData['kind'];

/** The data of one kind of event. */
export type EventDataOf<K extends EventKind> = Extract<TicketEventData, { kind: K }>['data'];
