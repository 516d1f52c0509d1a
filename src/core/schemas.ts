import { z } from 'zod';
import { LOCATION_KEYS } from './location';
import { IMPACTS, PLATFORMS, PRIORITIES, TICKET_TYPES, URGENCIES } from './model';
import { msg } from './rules/messages';
import { SAVED_REPLY_NAME_MAX, SAVED_REPLY_TEXT_MAX } from './rules/saved-replies';
import { LANGUAGES } from './texts';
import type { en } from './texts/en';
import {
  fieldName,
  limitedTo,
  noControl,
  says,
  trimmed,
  withoutControl,
  type FieldName,
  type ValidationKey,
} from './validation';

export { parseInput } from './validation';

/**
 * The shape of every operation's input. A bad input becomes an InvalidInputError naming each
 * field and what is wrong with it, before anything is read or written; what it says to a person
 * is a catalog message (`validation.…`), said in their language by the adapter that answers.
 */
export const TITLE_MAX = 100;
export const DESCRIPTION_MAX = 3000;
export const COMMENT_MAX = 40_000;
export const ARTICLE_TITLE_MAX = 200;
export const ARTICLE_BODY_MAX = 100_000;

export const identityRefSchema = z.object({
  platform: z.enum(PLATFORMS, says('validation.platform')),
  userId: z
    .string(says('validation.personRequired'))
    .trim()
    .min(1, says('validation.personRequired'))
    .max(64, says('validation.unknownPerson'))
    // Platforms' ids are letters and digits; a control character (a NUL the database refuses) names no one.
    .refine(withoutControl, says('validation.unknownPerson')),
  displayName: z.string().max(200).optional(),
  nameIfUnknown: z.string().max(200).optional(),
});

/** The largest id or number the store keeps (PostgreSQL's integer): a larger one names nothing, and the database would refuse to compare it. */
export const MAX_ID = 2_147_483_647;
const TOO_LARGE = says('validation.tooLarge');

type IdName = keyof typeof en.validation.id;
const notAWholeNumber = (what: IdName) => says('validation.wholeNumber', { what: msg(`validation.id.${what}`) });
/** An id as people and platforms send it ("6" or 6): a whole number the store could hold. */
const storedId = (what: IdName = 'any') =>
  z.coerce
    .number(notAWholeNumber(what))
    .int(notAWholeNumber(what))
    .positive(notAWholeNumber(what))
    .max(MAX_ID, TOO_LARGE);

const NOT_A_NUMBER = says('validation.ticketNumber');
/** Accepts 6, "6" and "#6", as people type them. */
export const ticketNumberSchema = z.preprocess(
  (value) => (typeof value === 'string' ? Number(value.trim().replace(/^#/, '') || NaN) : value),
  z.number(NOT_A_NUMBER).int(NOT_A_NUMBER).positive(NOT_A_NUMBER).max(MAX_ID, TOO_LARGE),
);

/** A ticket's first platform ids, given when it is opened: keys a location has, strings (see core/location.ts). */
export const locationSchema = z
  .object(
    Object.fromEntries(LOCATION_KEYS.map((key) => [key, z.string().optional()])) as {
      [K in (typeof LOCATION_KEYS)[number]]: z.ZodOptional<z.ZodString>;
    },
  )
  .default({});

/** The choices as the form offers them, each said in the reader's language. */
const TYPE_CHOICE = says('validation.type', {
  incident: msg('common.type.incident'),
  request: msg('common.type.request'),
});
const IMPACT_CHOICE = says('validation.impact', {
  individual: msg('forms.ticket.impactOption.individual'),
  team: msg('forms.ticket.impactOption.team'),
  everyone: msg('forms.ticket.impactOption.everyone'),
});
const URGENCY_CHOICE = says('validation.urgency', {
  can_work: msg('forms.ticket.urgencyOption.can_work'),
  degraded: msg('forms.ticket.urgencyOption.degraded'),
  blocked: msg('forms.ticket.urgencyOption.blocked'),
});

export const openTicketSchema = z.object({
  title: trimmed('title', TITLE_MAX),
  description: trimmed('description', DESCRIPTION_MAX),
  type: z.enum(TICKET_TYPES, TYPE_CHOICE),
  impact: z.enum(IMPACTS, IMPACT_CHOICE).optional(),
  urgency: z.enum(URGENCIES, URGENCY_CHOICE).optional(),
  onBehalfOf: identityRefSchema.optional(),
  location: locationSchema,
});
export type OpenTicketInput = z.input<typeof openTicketSchema>;

export const attachmentSchema = z.object({
  filename: z.string().min(1).max(255),
  contentType: z.string().max(200).nullish(),
  sizeBytes: z.number().int().min(0),
  sourceUrl: z.string().max(2000).nullish(),
  data: z.instanceof(Buffer).nullish(),
});
export type AttachmentInput = z.input<typeof attachmentSchema>;

const ATTACHMENTS_MAX = 20;
export const commentSchema = z
  .object({
    ticketNumber: ticketNumberSchema,
    body: z
      .string()
      .max(COMMENT_MAX, limitedTo('message', COMMENT_MAX))
      .refine(withoutControl, noControl('message'))
      .default(''),
    platformMessageId: z.string().min(1).max(100).optional(),
    attachments: z
      .array(attachmentSchema)
      .max(ATTACHMENTS_MAX, says('validation.tooManyFiles', { max: ATTACHMENTS_MAX }))
      .default([]),
  })
  .refine((c) => c.body.trim() !== '' || c.attachments.length > 0, {
    ...says('validation.needsTextOrFile'),
    path: ['body'],
  });
export type CommentInput = z.input<typeof commentSchema>;

export const noteSchema = z.object({
  ticketNumber: ticketNumberSchema,
  body: trimmed('note', COMMENT_MAX),
  platformMessageId: z.string().min(1).max(100).optional(),
});

export const editCommentSchema = z.object({
  platformMessageId: z.string().min(1).max(100),
  body: z.string().max(COMMENT_MAX, limitedTo('message', COMMENT_MAX)).refine(withoutControl, noControl('message')),
});

export const deleteCommentSchema = z.object({ platformMessageId: z.string().min(1).max(100) });

/** A redacted or erased file's name. */
export const REDACTED_FILE = 'redacted';
/**
 * The comment to redact, named either way: by its id, or by the id its platform gives a message
 * (the one a person wrote, or one of the bot's copies of it) on the actor's platform.
 */
export const redactSchema = z
  .object({
    commentId: storedId('comment').optional(),
    platformMessageId: z
      .string()
      .trim()
      .min(1, says('validation.required', { field: fieldName('messageId') }))
      .max(100)
      .optional(),
    // An empty replacement would leave a platform copy with nothing to show: the service puts the
    // helpdesk's usual words (stored.redacted) instead.
    replacement: z
      .string()
      .trim()
      .max(200, limitedTo('replacement', 200))
      .optional()
      .transform((text) => text || undefined),
  })
  .refine((r) => (r.commentId === undefined) !== (r.platformMessageId === undefined), {
    ...says('validation.nameOneMessage'),
    path: ['message'],
  });

/** What a ticket's redaction names besides a comment: its title, its description, or its rating's comment. */
export const REDACTABLE_PARTS = ['title', 'description', 'rating'] as const;
export type RedactablePart = (typeof REDACTABLE_PARTS)[number];

export const redactTicketSchema = z.object({
  ticketNumber: ticketNumberSchema,
  part: z
    .string()
    .transform((p) => p.trim().toLowerCase())
    .pipe(z.enum(REDACTABLE_PARTS, says('validation.redactPart'))),
  replacement: z
    .string()
    .trim()
    .max(100, limitedTo('replacement', 100))
    .optional()
    .transform((text) => text || undefined),
});

export const personRefSchema = z.object({ person: identityRefSchema });

export const ticketRefSchema = z.object({ ticketNumber: ticketNumberSchema });

export const changeTypeSchema = z.object({
  ticketNumber: ticketNumberSchema,
  type: z.enum(TICKET_TYPES, TYPE_CHOICE),
});

export const changePrioritySchema = z.object({
  ticketNumber: ticketNumberSchema,
  priority: z
    .string()
    .transform((p) => p.trim().toUpperCase())
    .pipe(z.enum(PRIORITIES, says('validation.priority'))),
});

export const reassignSchema = z.object({ ticketNumber: ticketNumberSchema, to: identityRefSchema });
export const escalateSchema = z.object({ ticketNumber: ticketNumberSchema, to: identityRefSchema.optional() });

export const listSchema = z.object({ scope: z.enum(['mine', 'queue', 'all']).optional() });
export const searchSchema = z.object({ words: trimmed('searchWords', 200) });
export const transcriptSchema = z.object({
  ticketNumber: ticketNumberSchema,
  format: z.enum(['text', 'markdown']).default('markdown'),
});

export const staffAddSchema = z.object({
  person: identityRefSchema,
  role: z
    .string()
    .transform((r) => r.trim().toLowerCase())
    .pipe(z.enum(['1', '2', '3', 'admin'], says('validation.role'))),
});
export const staffRemoveSchema = z.object({ person: identityRefSchema });
export const awaySchema = z.object({ away: z.boolean(), person: identityRefSchema.optional() });
const linkCode = z
  .string(says('validation.linkCode'))
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{6,12}$/, says('validation.linkCode'));
export const linkSchema = z.object({ code: linkCode.optional() });
export const linkAnswerSchema = z.object({ code: linkCode, confirm: z.boolean() });

const TAGS_MAX = 20;
export const articleSchema = z.object({
  title: trimmed('title', ARTICLE_TITLE_MAX),
  body: trimmed('text', ARTICLE_BODY_MAX),
  tags: z
    .array(z.string().trim().toLowerCase().min(1).max(50, limitedTo('eachTag', 50)))
    .max(TAGS_MAX, says('validation.tooMany.tags', { max: TAGS_MAX }))
    .default([]),
  visibility: z
    .enum(
      ['public', 'staff'],
      says('validation.visibility', { everyone: msg('forms.article.everyone'), staff: msg('forms.article.staffOnly') }),
    )
    .default('staff'),
});
export const articleEditSchema = articleSchema.partial().extend({ id: storedId('article') });
export const articleIdSchema = z.object({
  id: storedId('article'),
});
export const markSpecialSchema = z.object({
  id: storedId(),
  special: z.enum(['sla', 'catalog']),
});

const prioritySchema = z
  .string()
  .transform((p) => p.trim().toUpperCase())
  .pipe(z.enum(PRIORITIES, says('validation.priority')));

const slaTarget = (name: FieldName) =>
  z
    .string()
    .trim()
    .min(1, says('validation.empty', { field: fieldName(name) }))
    .max(20, limitedTo(name, 20))
    .optional();
export const slaTargetSchema = z
  .object({
    priority: prioritySchema,
    firstResponse: slaTarget('firstResponse'),
    resolution: slaTarget('resolution'),
  })
  .refine((t) => t.firstResponse !== undefined || t.resolution !== undefined, {
    ...says('validation.slaTarget'),
    path: ['firstResponse'],
  });
export const slaHoursSchema = z.object({ hours: trimmed('hours', 300) });
export const slaHolidaySchema = z.object({
  action: z.enum(['add', 'remove'], says('validation.holidayAction')),
  date: z
    .string(says('validation.holidayDate'))
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, says('validation.holidayDate')),
});

export const rateSchema = z.object({
  ticketNumber: ticketNumberSchema,
  score: z.coerce
    .number(says('validation.rating'))
    .int(says('validation.rating'))
    .min(1, says('validation.rating'))
    .max(5, says('validation.rating')),
});
export const RATING_COMMENT_MAX = 1000;
export const ratingCommentSchema = z.object({
  ticketNumber: ticketNumberSchema,
  comment: trimmed('comment', RATING_COMMENT_MAX),
});

export const STATS_PERIODS = { '7d': 7, '30d': 30 } as const;
export const statsSchema = z.object({
  period: z
    .string()
    .trim()
    .toLowerCase()
    .default('7d')
    .pipe(z.enum(['7d', '30d'], says('validation.period'))),
});

/** The dashboard's figures: a window of 7, 30 or 90 days (`?days=30`). */
export const figuresSchema = z.object({
  days: z.coerce
    .number(says('validation.window'))
    .default(30)
    .pipe(z.union([z.literal(7), z.literal(30), z.literal(90)], says('validation.window'))),
});

const proposalId = storedId('proposal');
export const majorProposalSchema = z.object({ proposalId });
export const majorDeclareSchema = z.object({ proposalId });
export const majorNotRelatedSchema = z.object({ proposalId, ticketNumber: ticketNumberSchema });
export const majorLinkSchema = z.object({ ticketNumber: ticketNumberSchema, parentNumber: ticketNumberSchema });
/**
 * The settings admins change from chat, each with the shape of its value. A Discord channel is
 * its snowflake id (what a channel option or a `<#id>` mention gives); a Slack channel its id (`C0123…`).
 */
export const settingSchema = z.discriminatedUnion(
  'key',
  [
    z.object({
      key: z.literal('discord.support_channel'),
      value: z
        .string(says('validation.supportChannel.discord'))
        .trim()
        .regex(/^\d{17,20}$/, says('validation.supportChannel.discord')),
    }),
    z.object({
      key: z.literal('slack.support_channel'),
      value: z
        .string(says('validation.supportChannel.slack'))
        .trim()
        .regex(/^[CG][A-Z0-9]{2,30}$/, says('validation.supportChannel.slack')),
    }),
  ],
  says('validation.noSuchSetting'),
);
export type SettingInput = z.input<typeof settingSchema>;
export type SettingKey = SettingInput['key'];

const guideLines = (each: FieldName, tooMany: ValidationKey, most: number) =>
  z.array(z.string().trim().min(1).max(200, limitedTo(each, 200))).max(most, says(tooMany, { max: most }));
export const SERVICE_QUESTIONS_MAX = 3;
const serviceFields = {
  name: trimmed('name', 80),
  description: z.string().trim().max(1000, limitedTo('description', 1000)),
  covered: z.boolean(),
  owningTier: z.coerce
    .number(says('validation.owningTier'))
    .int(says('validation.owningTier'))
    .min(1, says('validation.owningTier'))
    .max(3, says('validation.owningTier')),
  checks: guideLines('eachCheck', 'validation.tooMany.checks', 10),
  // A Discord modal holds five fields: title and description, and these.
  questions: guideLines('eachQuestion', 'validation.tooMany.questions', SERVICE_QUESTIONS_MAX),
};
export const serviceSchema = z.object({
  ...serviceFields,
  description: serviceFields.description.default(''),
  covered: serviceFields.covered.default(true),
  owningTier: serviceFields.owningTier.default(1),
  checks: serviceFields.checks.default([]),
  questions: serviceFields.questions.default([]),
});
// No defaults here: a field left out of an edit keeps its value.
export const serviceEditSchema = z
  .object(serviceFields)
  .partial()
  .extend({ id: storedId('service') });
export const serviceIdSchema = z.object({
  id: storedId('service'),
});

export const draftSchema = openTicketSchema.omit({ location: true, onBehalfOf: true }).extend({
  serviceId: storedId().nullable().default(null),
  answers: z
    .array(
      z.object({
        question: z.string().max(200),
        answer: z.string().max(1000, limitedTo('answer', 1000)).refine(withoutControl, noControl('answer')),
      }),
    )
    .max(SERVICE_QUESTIONS_MAX)
    .default([]),
});
export const draftRefSchema = z.object({ draftId: z.uuid(says('validation.formExpired')) });
export const deflectSchema = draftRefSchema.extend({ articleId: storedId() });
export const draftOpenSchema = draftRefSchema.extend({ location: locationSchema });

/** `/helpdesk language da|en`: one of the languages the helpdesk has texts in. */
export const languageSchema = z.object({
  language: z
    .string(says('validation.languageRequired', { languages: LANGUAGES.join(', ') }))
    .trim()
    .toLowerCase()
    .refine((code) => LANGUAGES.includes(code), says('validation.language', { languages: LANGUAGES.join(', ') })),
});

export const savedReplySchema = z.object({
  name: trimmed('name', SAVED_REPLY_NAME_MAX),
  text: trimmed('text', SAVED_REPLY_TEXT_MAX),
});
export const savedReplyEditSchema = z.object({
  name: trimmed('name', SAVED_REPLY_NAME_MAX),
  newName: trimmed('name', SAVED_REPLY_NAME_MAX).optional(),
  text: trimmed('text', SAVED_REPLY_TEXT_MAX).optional(),
});
export const savedReplyRefSchema = z.object({ name: trimmed('name', SAVED_REPLY_NAME_MAX) });
export const savedReplyUseSchema = z.object({
  ticketNumber: ticketNumberSchema,
  name: trimmed('name', SAVED_REPLY_NAME_MAX),
});
/** A saved reply sent in a ticket: as filled in, or as the staff member edited it after the preview. */
export const savedReplySendSchema = savedReplyUseSchema.extend({
  text: trimmed('text', SAVED_REPLY_TEXT_MAX).optional(),
});
