import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CommentKind, Platform } from '../../core/model';

@Entity('comment')
export class CommentEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: number;

  @Column({ name: 'ticket_id', type: 'integer' })
  ticketId: number;

  @Column({ name: 'author_id', type: 'integer', nullable: true })
  authorId: number | null;

  @Column({ type: 'text' })
  kind: CommentKind;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', nullable: true })
  platform: Platform | null;

  @Column({ name: 'platform_message_id', type: 'text', nullable: true })
  platformMessageId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @Column({ name: 'deleted_by_id', type: 'integer', nullable: true })
  deletedById: number | null;

  @Column({ name: 'redacted_at', type: 'timestamptz', nullable: true })
  redactedAt: Date | null;

  @Column({ name: 'redacted_by_id', type: 'integer', nullable: true })
  redactedById: number | null;
}

@Entity('comment_revision')
export class CommentRevisionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: number;

  @Column({ name: 'comment_id', type: 'bigint' })
  commentId: number;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'replaced_at', type: 'timestamptz' })
  replacedAt: Date;

  @Column({ name: 'replaced_by_id', type: 'integer', nullable: true })
  replacedById: number | null;
}

@Entity('attachment')
export class AttachmentEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: number;

  @Column({ name: 'comment_id', type: 'bigint' })
  commentId: number;

  @Column({ type: 'text' })
  filename: string;

  @Column({ name: 'content_type', type: 'text', nullable: true })
  contentType: string | null;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  /** The file itself; null when it was over the size setting (`skipped` says why). */
  @Column({ type: 'bytea', nullable: true })
  data: Buffer | null;

  @Column({ name: 'source_url', type: 'text', nullable: true })
  sourceUrl: string | null;

  @Column({ type: 'text', nullable: true })
  skipped: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One of the bot's own copies of a comment on a platform (see the CommentPosts migration). */
@Entity('comment_post')
export class CommentPostEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: number;

  @Column({ name: 'comment_id', type: 'bigint' })
  commentId: number;

  @Column({ type: 'text' })
  platform: Platform;

  @Column({ name: 'channel_id', type: 'text' })
  channelId: string;

  /** As the platform's adapter stores message ids (Slack: `channel:ts`), so a link to a copy finds its comment. */
  @Column({ name: 'message_id', type: 'text' })
  messageId: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
