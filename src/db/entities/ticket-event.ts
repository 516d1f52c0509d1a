import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Platform } from '../../core/model';

@Entity('ticket_event')
export class TicketEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: number;

  @Column({ name: 'ticket_id', type: 'integer' })
  ticketId: number;

  /** Null when the helpdesk itself acted (a job, an automatic close). */
  @Column({ name: 'actor_id', type: 'integer', nullable: true })
  actorId: number | null;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'jsonb', default: {} })
  data: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed';

@Entity('delivery')
export class DeliveryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: number;

  @Column({ name: 'ticket_id', type: 'integer', nullable: true })
  ticketId: number | null;

  @Column({ name: 'event_id', type: 'bigint', nullable: true })
  eventId: number | null;

  @Column({ type: 'text' })
  platform: Platform;

  /** Deliveries to one destination go out in order; different destinations in parallel. */
  @Column({ type: 'text' })
  destination: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'jsonb', default: {} })
  payload: Record<string, unknown>;

  @Column({ type: 'text', default: 'pending' })
  status: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'not_before', type: 'timestamptz' })
  notBefore: Date;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
