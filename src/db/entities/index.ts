import { ArticleEntity, ArticleRevisionEntity } from './article';
import { AttachmentEntity, CommentEntity, CommentPostEntity, CommentRevisionEntity } from './comment';
import { IdentityEntity, LinkCodeEntity } from './identity';
import { PersonEntity } from './person';
import { TicketEntity } from './ticket';
import { DeliveryEntity, TicketEventEntity } from './ticket-event';

export * from './article';
export * from './comment';
export * from './identity';
export * from './person';
export * from './ticket';
export * from './ticket-event';

export const ENTITIES = [
  PersonEntity,
  IdentityEntity,
  LinkCodeEntity,
  TicketEntity,
  CommentEntity,
  CommentRevisionEntity,
  AttachmentEntity,
  CommentPostEntity,
  TicketEventEntity,
  DeliveryEntity,
  ArticleEntity,
  ArticleRevisionEntity,
];
