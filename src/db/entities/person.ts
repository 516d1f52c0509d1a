import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { Tier } from '../../core/model';
import { IdentityEntity } from './identity';

@Entity('person')
export class PersonEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'display_name', type: 'text', default: '' })
  displayName: string;

  @Column({ type: 'smallint', nullable: true })
  tier: Tier | null;

  @Column({ name: 'is_admin', type: 'boolean', default: false })
  isAdmin: boolean;

  @Column({ type: 'boolean', default: false })
  away: boolean;

  @Column({ name: 'last_assigned_at', type: 'timestamptz', nullable: true })
  lastAssignedAt: Date | null;

  @Column({ name: 'merged_into_id', type: 'integer', nullable: true })
  mergedIntoId: number | null;

  /** Set by `/helpdesk forget`: the name is a placeholder and nothing they wrote is kept. */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt: Date | null;

  /** The language they read (`en`, `da`); null: the helpdesk's (`HELPDESK_LANGUAGE`). */
  @Column({ type: 'text', nullable: true })
  language: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @OneToMany(() => IdentityEntity, (identity) => identity.person)
  identities?: IdentityEntity[];
}
