import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type {
  Impact,
  Platform,
  Priority,
  Resolution,
  TicketLocation,
  TicketStatus,
  TicketType,
  Tier,
  Urgency,
} from '../../core/model';

@Entity('ticket')
export class TicketEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** Filled by the database's sequence: the number people see (#6). */
  @Column({ type: 'integer', insert: false })
  number: number;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'varchar', length: 3000 })
  description: string;

  @Column({ type: 'text' })
  type: TicketType;

  @Column({ type: 'text' })
  status: TicketStatus;

  @Column({ type: 'text', nullable: true })
  resolution: Resolution | null;

  @Column({ type: 'text' })
  priority: Priority;

  @Column({ type: 'text', nullable: true })
  impact: Impact | null;

  @Column({ type: 'text', nullable: true })
  urgency: Urgency | null;

  @Column({ name: 'service_id', type: 'integer', nullable: true })
  serviceId: number | null;

  @Column({ type: 'smallint' })
  tier: Tier;

  @Column({ name: 'assignee_id', type: 'integer', nullable: true })
  assigneeId: number | null;

  @Column({ name: 'customer_id', type: 'integer' })
  customerId: number;

  @Column({ name: 'opened_by_id', type: 'integer' })
  openedById: number;

  @Column({ type: 'text' })
  platform: Platform;

  @Column({ type: 'jsonb', default: {} })
  location: TicketLocation;

  @Column({ name: 'follow_up_of_id', type: 'integer', nullable: true })
  followUpOfId: number | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt: Date | null;

  @Column({ name: 'pending_since', type: 'timestamptz', nullable: true })
  pendingSince: Date | null;

  @Column({ name: 'first_response_at', type: 'timestamptz', nullable: true })
  firstResponseAt: Date | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'last_customer_reply_at', type: 'timestamptz', nullable: true })
  lastCustomerReplyAt: Date | null;

  /** Reminders sent in the current pending period (the reminder job's progress through REMINDER_DAYS). */
  @Column({ name: 'reminders_sent', type: 'smallint', default: 0 })
  remindersSent: number;

  /** Business seconds the SLA clock counted before its current running stretch (core/rules/sla.ts). */
  @Column({ name: 'sla_elapsed_seconds', type: 'integer', default: 0 })
  slaElapsedSeconds: number;

  @Column({ name: 'sla_running_since', type: 'timestamptz', nullable: true })
  slaRunningSince: Date | null;

  @Column({ name: 'first_response_due_at', type: 'timestamptz', nullable: true })
  firstResponseDueAt: Date | null;

  @Column({ name: 'resolution_due_at', type: 'timestamptz', nullable: true })
  resolutionDueAt: Date | null;

  @Column({ name: 'sla_next_check_at', type: 'timestamptz', nullable: true })
  slaNextCheckAt: Date | null;

  @Column({ name: 'first_response_warned_at', type: 'timestamptz', nullable: true })
  firstResponseWarnedAt: Date | null;

  @Column({ name: 'first_response_breached_at', type: 'timestamptz', nullable: true })
  firstResponseBreachedAt: Date | null;

  @Column({ name: 'resolution_warned_at', type: 'timestamptz', nullable: true })
  resolutionWarnedAt: Date | null;

  @Column({ name: 'resolution_breached_at', type: 'timestamptz', nullable: true })
  resolutionBreachedAt: Date | null;

  @Column({ name: 'is_major', type: 'boolean', default: false })
  isMajor: boolean;

  @Column({ name: 'major_incident_id', type: 'integer', nullable: true })
  majorIncidentId: number | null;

  @Column({ name: 'major_proposal_id', type: 'integer', nullable: true })
  majorProposalId: number | null;

  @Column({ name: 'look_alike_dismissed_at', type: 'timestamptz', nullable: true })
  lookAlikeDismissedAt: Date | null;
}
