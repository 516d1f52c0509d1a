import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Platform } from '../../core/model';
import { PersonEntity } from './person';

@Entity('identity')
export class IdentityEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'person_id', type: 'integer' })
  personId: number;

  @ManyToOne(() => PersonEntity, (person) => person.identities)
  @JoinColumn({ name: 'person_id' })
  person?: PersonEntity;

  @Column({ type: 'text' })
  platform: Platform;

  @Column({ name: 'platform_user_id', type: 'text' })
  platformUserId: string;

  @Column({ name: 'display_name', type: 'text', nullable: true })
  displayName: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity('link_code')
export class LinkCodeEntity {
  @Column({ type: 'text', primary: true })
  code: string;

  @Column({ name: 'person_id', type: 'integer' })
  personId: number;

  @Column({ type: 'text' })
  platform: Platform;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  /** Who asked to join this code's person, waiting for that person to confirm. */
  @Column({ name: 'redeemer_id', type: 'integer', nullable: true })
  redeemerId: number | null;

  @Column({ name: 'redeemer_platform', type: 'text', nullable: true })
  redeemerPlatform: Platform | null;
}
