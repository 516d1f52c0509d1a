import { z } from 'zod';
import { InvalidInputError } from './errors';
import { LOCATION_KEYS } from './location';
import { IMPACTS, PLATFORMS, PRIORITIES, TICKET_TYPES, URGENCIES } from './model';
import { SAVED_REPLY_NAME_MAX, SAVED_REPLY_TEXT_MAX } from './rules/saved-replies';
import { LANGUAGES } from './texts';

/**
 * The shape of every operation's input. A bad input becomes an InvalidInputError naming each
 * field and what is wrong with it, before anything is read or written.
 */
export const TITLE_MAX = 100;
export const DESCRIPTION_MAX = 3000;
export const COMMENT_MAX = 40_000;
export const ARTICLE_TITLE_MAX = 200;
export const ARTICLE_BODY_MAX = 100_000;

/**
 * Control characters (a NUL above all, which PostgreSQL refuses in text) have no place in what
 * people write; tabs and line breaks do.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Characters that show nothing: a text of only these (and spaces) is empty. */
const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class -- each invisible code point stands alone on purpose
  /[\s\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u206A-\u206F\u3164\uFEFF\uFFA0]/g;
const noControl = (field: string) => ({
  error: `${field} contains control characters; remove them and try again`,
});
const withoutControl = (text: string) => !CONTROL.test(text);
const showsSomething = (text: string) => text.replace(INVISIBLE, '') !== '';

const trimmed = (field: string, max: number) =>
  z
    .string({ error: `${field} is required` })
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, { error: `${field} can't be empty` })
        .max(max, {
          error: (issue) => `${field} is ${String((issue.input as string).length)} characters; the limit is ${max}`,
        })
        .refine(withoutControl, noControl(field))
        // An empty text is the min's to name, once.
        .refine((text) => text === '' || showsSomething(text), { error: `${field} can't be empty` }),
    );

export const identityRefSchema = z.object({
  platform: z.enum(PLATFORMS, { error: 'platform must be discord or slack' }),
  userId: z
    .string()
    .trim()
    .min(1, { error: 'a person is required' })
    .max(64)
    // Platforms' ids are letters and digits; a control character (a NUL the database refuses) names no one.
    .refine(withoutControl, { error: 'that is not a person the helpdesk knows' }),
  displayName: z.string().max(200).optional(),
  nameIfUnknown: z.string().max(200).optional(),
});

/** The largest id or number the store keeps (PostgreSQL's integer): a larger one names nothing, and the database would refuse to compare it. */
export const MAX_ID = 2_147_483_647;
const TOO_LARGE = 'that number is larger than any the helpdesk gives';

/** An id as people and platforms send it ("6" or 6): a whole number the store could hold. */
const storedId = (notANumber = 'an id is a whole number') =>
  z.coerce.number().int({ error: notANumber }).positive({ error: notANumber }).max(MAX_ID, { error: TOO_LARGE });

const NOT_A_NUMBER = 'a ticket number is a whole number, like 6';
/** Accepts 6, "6" and "#6", as people type them. */
export const ticketNumberSchema = z.preprocess(
  (value) => (typeof value === 'string' ? Number(value.trim().replace(/^#/, '') || NaN) : value),
  z
    .number({ error: NOT_A_NUMBER })
    .int({ error: NOT_A_NUMBER })
    .positive({ error: NOT_A_NUMBER })
    .max(MAX_ID, { error: TOO_LARGE }),
);

/** A ticket's first platform ids, given when it is opened: keys a location has, strings (see core/location.ts). */
export const locationSchema = z
  .object(
    Object.fromEntries(LOCATION_KEYS.map((key) => [key, z.string().optional()])) as {
      [K in (typeof LOCATION_KEYS)[number]]: z.ZodOptional<z.ZodString>;
    },
  )
  .default({});

export const openTicketSchema = z.object({
  title: trimmed('Title', TITLE_MAX),
  description: trimmed('Description', DESCRIPTION_MAX),
  type: z.enum(TICKET_TYPES, { error: 'Type must be incident or request' }),
  impact: z.enum(IMPACTS, { error: 'Impact must be individual, team or everyone' }).optional(),
  urgency: z.enum(URGENCIES, { error: 'Urgency must be can_work, degraded or blocked' }).optional(),
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

export const commentSchema = z
  .object({
    ticketNumber: ticketNumberSchema,
    body: z
      .string()
      .max(COMMENT_MAX, { error: `A message is limited to ${COMMENT_MAX} characters` })
      .refine(withoutControl, noControl('The message'))
      .default(''),
    platformMessageId: z.string().min(1).max(100).optional(),
    attachments: z.array(attachmentSchema).max(20).default([]),
  })
  .refine((c) => c.body.trim() !== '' || c.attachments.length > 0, {
    error: 'A message needs text or a file',
    path: ['body'],
  });
export type CommentInput = z.input<typeof commentSchema>;

export const noteSchema = z.object({
  ticketNumber: ticketNumberSchema,
  body: trimmed('Note', COMMENT_MAX),
  platformMessageId: z.string().min(1).max(100).optional(),
});

export const editCommentSchema = z.object({
  platformMessageId: z.string().min(1).max(100),
  body: z.string().max(COMMENT_MAX).refine(withoutControl, noControl('The message')),
});

export const deleteCommentSchema = z.object({ platformMessageId: z.string().min(1).max(100) });

export const REDACTED_TEXT = '[redacted by an admin]';
/** A redacted or erased file's name. */
export const REDACTED_FILE = 'redacted';
/**
 * The comment to redact, named either way: by its id, or by the id its platform gives a message
 * (the one a person wrote, or one of the bot's copies of it) on the actor's platform.
 */
export const redactSchema = z
  .object({
    commentId: z.coerce
      .number({ error: 'a comment id is a whole number' })
      .int({ error: 'a comment id is a whole number' })
      .positive({ error: 'a comment id is a whole number' })
      .max(MAX_ID, { error: TOO_LARGE })
      .optional(),
    platformMessageId: z.string().trim().min(1, { error: 'a message id is required' }).max(100).optional(),
    // An empty replacement would leave a platform copy with nothing to show: the usual words instead.
    replacement: z
      .string()
      .trim()
      .max(200, { error: 'the replacement is limited to 200 characters' })
      .optional()
      .transform((text) => text || REDACTED_TEXT),
  })
  .refine((r) => (r.commentId === undefined) !== (r.platformMessageId === undefined), {
    error: 'name one message: its link or its comment id',
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
    .pipe(z.enum(REDACTABLE_PARTS, { error: 'name what to redact: title, description or rating' })),
  replacement: z
    .string()
    .trim()
    .max(100, { error: 'the replacement is limited to 100 characters' })
    .optional()
    .transform((text) => text || REDACTED_TEXT),
});

/** What an erased person's texts, names and files become. */
export const ERASED_TEXT = '[erased]';
export const personRefSchema = z.object({ person: identityRefSchema });

export const ticketRefSchema = z.object({ ticketNumber: ticketNumberSchema });

export const changeTypeSchema = z.object({
  ticketNumber: ticketNumberSchema,
  type: z.enum(TICKET_TYPES, { error: 'Type must be incident or request' }),
});

export const changePrioritySchema = z.object({
  ticketNumber: ticketNumberSchema,
  priority: z
    .string()
    .transform((p) => p.trim().toUpperCase())
    .pipe(z.enum(PRIORITIES, { error: 'Priority must be P1, P2, P3 or P4' })),
});

export const reassignSchema = z.object({ ticketNumber: ticketNumberSchema, to: identityRefSchema });
export const escalateSchema = z.object({ ticketNumber: ticketNumberSchema, to: identityRefSchema.optional() });

export const listSchema = z.object({ scope: z.enum(['mine', 'queue', 'all']).optional() });
export const searchSchema = z.object({ words: trimmed('Search words', 200) });
export const transcriptSchema = z.object({
  ticketNumber: ticketNumberSchema,
  format: z.enum(['text', 'markdown']).default('markdown'),
});

export const staffAddSchema = z.object({
  person: identityRefSchema,
  role: z
    .string()
    .transform((r) => r.trim().toLowerCase())
    .pipe(z.enum(['1', '2', '3', 'admin'], { error: 'Role must be 1, 2, 3 or admin' })),
});
export const staffRemoveSchema = z.object({ person: identityRefSchema });
export const awaySchema = z.object({ away: z.boolean(), person: identityRefSchema.optional() });
const linkCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{6,12}$/, { error: 'A link code is the 8 letters and digits /helpdesk link gave you' });
export const linkSchema = z.object({ code: linkCode.optional() });
export const linkAnswerSchema = z.object({ code: linkCode, confirm: z.boolean() });

export const articleSchema = z.object({
  title: trimmed('Title', ARTICLE_TITLE_MAX),
  body: trimmed('Body', ARTICLE_BODY_MAX),
  tags: z.array(z.string().trim().toLowerCase().min(1).max(50)).max(20).default([]),
  visibility: z.enum(['public', 'staff'], { error: 'Visibility must be public or staff' }).default('staff'),
});
export const articleEditSchema = articleSchema.partial().extend({ id: storedId('an article id is a whole number') });
export const articleIdSchema = z.object({
  id: storedId('an article id is a whole number'),
});
export const markSpecialSchema = z.object({
  id: storedId(),
  special: z.enum(['sla', 'catalog']),
});

const prioritySchema = z
  .string()
  .transform((p) => p.trim().toUpperCase())
  .pipe(z.enum(PRIORITIES, { error: 'Priority must be P1, P2, P3 or P4' }));

export const slaTargetSchema = z
  .object({
    priority: prioritySchema,
    firstResponse: z.string().trim().min(1).max(20).optional(),
    resolution: z.string().trim().min(1).max(20).optional(),
  })
  .refine((t) => t.firstResponse !== undefined || t.resolution !== undefined, {
    error: 'Give a first-response or a resolution target',
    path: ['firstResponse'],
  });
export const slaHoursSchema = z.object({ hours: trimmed('Hours', 300) });
export const slaHolidaySchema = z.object({
  action: z.enum(['add', 'remove'], { error: 'add or remove' }),
  date: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'A holiday is a date like 2026-12-24' }),
});

export const rateSchema = z.object({
  ticketNumber: ticketNumberSchema,
  score: z.coerce
    .number()
    .int({ error: 'A rating is 1 to 5' })
    .min(1, { error: 'A rating is 1 to 5' })
    .max(5, { error: 'A rating is 1 to 5' }),
});
export const RATING_COMMENT_MAX = 1000;
export const ratingCommentSchema = z.object({
  ticketNumber: ticketNumberSchema,
  comment: trimmed('Comment', RATING_COMMENT_MAX),
});

export const STATS_PERIODS = { '7d': 7, '30d': 30 } as const;
export const statsSchema = z.object({
  period: z
    .string()
    .trim()
    .toLowerCase()
    .default('7d')
    .pipe(z.enum(['7d', '30d'], { error: 'The period is 7d or 30d' })),
});

/** The dashboard's figures: a window of 7, 30 or 90 days (`?days=30`). */
export const figuresSchema = z.object({
  days: z.coerce
    .number()
    .default(30)
    .pipe(z.union([z.literal(7), z.literal(30), z.literal(90)], { error: 'The window is 7, 30 or 90 days' })),
});

const proposalId = storedId('a proposal id is a whole number');
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
        .string()
        .trim()
        .regex(/^\d{17,20}$/, { error: 'the support channel is a Discord channel, like #support' }),
    }),
    z.object({
      key: z.literal('slack.support_channel'),
      value: z
        .string()
        .trim()
        .regex(/^[CG][A-Z0-9]{2,30}$/, { error: 'the support channel is a Slack channel, like #support' }),
    }),
  ],
  { error: 'there is no such setting' },
);
export type SettingInput = z.input<typeof settingSchema>;
export type SettingKey = SettingInput['key'];

const guideLines = (field: string, most: number) =>
  z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(200, { error: `${field}: each is limited to 200 characters` }),
    )
    .max(most, { error: `${field}: at most ${most}` });
export const SERVICE_QUESTIONS_MAX = 3;
const serviceFields = {
  name: trimmed('Name', 80),
  description: z.string().trim().max(1000, { error: 'Description: the limit is 1000 characters' }),
  covered: z.boolean(),
  owningTier: z.coerce
    .number()
    .int()
    .min(1, { error: 'The owning tier is 1, 2 or 3' })
    .max(3, { error: 'The owning tier is 1, 2 or 3' }),
  checks: guideLines('Checks', 10),
  // A Discord modal holds five fields: title and description, and these.
  questions: guideLines('Questions', SERVICE_QUESTIONS_MAX),
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
  .extend({ id: storedId('a service id is a whole number') });
export const serviceIdSchema = z.object({
  id: storedId('a service id is a whole number'),
});

export const draftSchema = openTicketSchema.omit({ location: true, onBehalfOf: true }).extend({
  serviceId: storedId().nullable().default(null),
  answers: z
    .array(
      z.object({
        question: z.string().max(200),
        answer: z
          .string()
          .max(1000, { error: 'An answer is limited to 1000 characters' })
          .refine(withoutControl, noControl('An answer')),
      }),
    )
    .max(SERVICE_QUESTIONS_MAX)
    .default([]),
});
export const draftRefSchema = z.object({ draftId: z.uuid({ error: 'that form is not known (it may have expired)' }) });
export const deflectSchema = draftRefSchema.extend({ articleId: storedId() });
export const draftOpenSchema = draftRefSchema.extend({ location: locationSchema });

/** `/helpdesk language da|en`: one of the languages the helpdesk has texts in. */
export const languageSchema = z.object({
  language: z
    .string({ error: `a language is required: ${LANGUAGES.join(', ')}` })
    .trim()
    .toLowerCase()
    .refine((code) => LANGUAGES.includes(code), { error: `a language the helpdesk speaks: ${LANGUAGES.join(', ')}` }),
});

/** Parses an operation's input or throws an InvalidInputError that names each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidInputError(
    result.error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), problem: issue.message })),
  );
}

export const savedReplySchema = z.object({
  name: trimmed('Name', SAVED_REPLY_NAME_MAX),
  text: trimmed('Text', SAVED_REPLY_TEXT_MAX),
});
export const savedReplyEditSchema = z.object({
  name: trimmed('Name', SAVED_REPLY_NAME_MAX),
  newName: trimmed('Name', SAVED_REPLY_NAME_MAX).optional(),
  text: trimmed('Text', SAVED_REPLY_TEXT_MAX).optional(),
});
export const savedReplyRefSchema = z.object({ name: trimmed('Name', SAVED_REPLY_NAME_MAX) });
export const savedReplyUseSchema = z.object({
  ticketNumber: ticketNumberSchema,
  name: trimmed('Name', SAVED_REPLY_NAME_MAX),
});
/** A saved reply sent in a ticket: as filled in, or as the staff member edited it after the preview. */
export const savedReplySendSchema = savedReplyUseSchema.extend({
  text: trimmed('Text', SAVED_REPLY_TEXT_MAX).optional(),
});
