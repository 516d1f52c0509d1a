import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ArticleVisibility = 'public' | 'staff';
export type SpecialArticle = 'sla' | 'catalog';

@Entity('article')
export class ArticleEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ type: 'text', default: 'staff' })
  visibility: ArticleVisibility;

  @Column({ type: 'text', nullable: true })
  special: SpecialArticle | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @Column({ name: 'created_by_id', type: 'integer', nullable: true })
  createdById: number | null;

  @Column({ name: 'updated_by_id', type: 'integer', nullable: true })
  updatedById: number | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('article_revision')
export class ArticleRevisionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: number;

  @Column({ name: 'article_id', type: 'integer' })
  articleId: number;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', array: true })
  tags: string[];

  @Column({ type: 'text' })
  visibility: ArticleVisibility;

  @Column({ name: 'edited_by_id', type: 'integer', nullable: true })
  editedById: number | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
