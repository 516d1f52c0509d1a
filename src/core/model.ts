/**
 * The helpdesk's plain data. Rules take and return these shapes; services map them to and from
 * the database. Nothing here knows a chat platform's API.
 */
export const PLATFORMS = ['discord', 'slack'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** A platform identity written as `platform:id`, e.g. `discord:123` or `slack:U456`. */
export interface IdentityRef {
  platform: Platform;
  userId: string;
}

export const TICKET_TYPES = ['incident', 'request'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const TICKET_STATUSES = ['open', 'pending', 'resolved'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const RESOLUTIONS = [
  'resolved_by_staff',
  'solved_by_customer',
  'closed_automatically',
  'closed_with_major_incident',
] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const DEFAULT_PRIORITY: Priority = 'P3';

export const IMPACTS = ['individual', 'team', 'everyone'] as const;
export type Impact = (typeof IMPACTS)[number];
export const URGENCIES = ['can_work', 'degraded', 'blocked'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const TIERS = [1, 2, 3] as const;
export type Tier = (typeof TIERS)[number];
export const TOP_TIER: Tier = 3;

export type Role = 'customer' | 'supporter' | 'admin';

/** Who is acting, as the core sees them: resolved from a platform identity. */
export interface Person {
  id: number;
  displayName: string;
  tier: Tier | null;
  isAdmin: boolean;
  away: boolean;
  lastAssignedAt: Date | null;
  /** Their own choice of language; null: the helpdesk's. */
  language: string | null;
}

/** The helpdesk itself acting (jobs, automatic closes): not a person, allowed everything it does. */
export const SYSTEM_ACTOR = 'system' as const;

export interface Ticket {
  id: number;
  number: number;
  title: string;
  description: string;
  type: TicketType;
  status: TicketStatus;
  resolution: Resolution | null;
  priority: Priority;
  impact: Impact | null;
  urgency: Urgency | null;
  serviceId: number | null;
  tier: Tier;
  assigneeId: number | null;
  customerId: number;
  openedById: number;
  platform: Platform;
  followUpOfId: number | null;
  createdAt: Date;
  pendingSince: Date | null;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  lastCustomerReplyAt: Date | null;
  remindersSent: number;
  /** The SLA clock and its marks: see rules/sla.ts. */
  slaElapsedSeconds: number;
  slaRunningSince: Date | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  slaNextCheckAt: Date | null;
  firstResponseWarnedAt: Date | null;
  firstResponseBreachedAt: Date | null;
  resolutionWarnedAt: Date | null;
  resolutionBreachedAt: Date | null;
  /** A major incident's parent ticket (owned by the helpdesk). */
  isMajor: boolean;
  /** The major incident this ticket joined, while joined. */
  majorIncidentId: number | null;
  /** The open major-incident proposal this report is listed in (one at most). */
  majorProposalId: number | null;
  /** When staff said it is not related to the reports it was proposed with: it counts toward none again. */
  lookAlikeDismissedAt: Date | null;
}

/** A ticket as the services hand it to the adapters: the rules' fields and where it lives on its platform. */
export interface LocatedTicket extends Ticket {
  /** As stored; read it with placeOf, discordPlace or slackPlace (core/location.ts). */
  location: TicketLocation;
}

export type CommentKind = 'public' | 'internal';

/** Something said in a ticket: a public comment or an internal note. */
export interface Comment {
  id: number;
  ticketId: number;
  authorId: number | null;
  kind: CommentKind;
  body: string;
  platform: Platform | null;
  platformMessageId: string | null;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  deletedById: number | null;
  redactedAt: Date | null;
  redactedById: number | null;
}

/** One of the bot's own copies of a comment on a platform (a message it posted). */
export interface CommentCopy {
  id: number;
  commentId: number;
  platform: Platform;
  channelId: string;
  /** As the platform's adapter stores message ids (Slack: `channel:ts`). */
  messageId: string;
  createdAt: Date;
}

/** Where a ticket lives on its platform: ids the adapters need (channels, threads, messages). */
import type { TicketLocation } from './location';
export type { TicketLocation };
