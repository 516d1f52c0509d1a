import type { LookAlikeSettings } from './rules/similarity';

/** The subset of settings the ticket rules need, so rules and services can be built from plain data. */
export interface HelpdeskPolicy {
  reopenDays: number;
  autoCloseDays: number;
  reminderDays: number[];
  attachmentMaxBytes: number;
  linkCodeMinutes: number;
  /** PRODUCT.md "Limits": what one customer may open. */
  maxOpenTickets: number;
  ticketsPerHour: number;
  /** Sent deliveries keep what they said this long (the retention job blanks it after). */
  deliveryRetentionDays: number;
  /** The language of staff channels and of people who chose none (`HELPDESK_LANGUAGE`). */
  language: string;
  /** Look-alike detection and the major-incident thresholds. */
  major: MajorIncidentPolicy;
}

/** What look-alike detection and the major-incident thresholds need, from the settings. */
export interface MajorIncidentPolicy extends LookAlikeSettings {
  proposeAt: number;
  declareAt: number;
}
