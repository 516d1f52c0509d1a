import { z } from 'zod';
import { PLATFORMS, type IdentityRef, type Platform } from './core/model';
import type { HelpdeskPolicy, MajorIncidentPolicy } from './core/policy';
import { LANGUAGES, parseLanguage } from './core/texts';

// The policy types live in the core (config reads settings into them; the core never imports config).
export type { HelpdeskPolicy, IdentityRef, MajorIncidentPolicy };

const identityList = z
  .string()
  .default('')
  .transform((text, ctx) => {
    const refs: IdentityRef[] = [];
    for (const part of text
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const [platform, userId] = part.split(':', 2);
      if (!PLATFORMS.includes(platform as Platform) || !userId) {
        ctx.addIssue({ code: 'custom', message: `"${part}" is not platform:id (discord:123 or slack:U456)` });
        continue;
      }
      refs.push({ platform: platform as Platform, userId });
    }
    return refs;
  });

const dayList = z
  .string()
  .default('2,5')
  .transform((text, ctx) => {
    const days = text
      .split(',')
      .map((d) => d.trim())
      .filter(Boolean)
      .map(Number);
    if (days.some((d) => !Number.isFinite(d) || d <= 0))
      ctx.addIssue({ code: 'custom', message: 'expected positive numbers like 2,5' });
    return [...new Set(days)].sort((a, b) => a - b);
  });

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

/** A PostgreSQL URL, checked before anything tries to connect to it (`not-a-url` would otherwise be looked up as a host). */
const databaseUrl = optionalText.superRefine((url, ctx) => {
  if (url === undefined) return;
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    // Reported below.
  }
  if (!parsed || !['postgres:', 'postgresql:'].includes(parsed.protocol) || !parsed.hostname)
    ctx.addIssue({
      code: 'custom',
      message:
        'not a PostgreSQL URL: write it as postgres://user:password@host:5432/database, or leave it empty for the embedded database',
    });
});

const positive = (fallback: number) => z.coerce.number().positive().default(fallback);

// --- Major incidents: look-alike detection. MAJOR_LOOK_ALIKE_AT was tuned on the tuning half of
// the blind corpus (tests/fixtures/blind-incidents, see tests/db/blind-corpus.test.ts).
const share = (fallback: number) => z.coerce.number().min(0).max(1).default(fallback);
const majorIncidentSettings = {
  MAJOR_WINDOW_MINUTES: positive(30),
  MAJOR_PROPOSE_AT: z.coerce.number().int().min(2).default(3),
  MAJOR_DECLARE_AT: z.coerce.number().int().min(2).default(6),
  MAJOR_LOOK_ALIKE_AT: share(0.34),
};

/** Settings of the look-alike rule before MAJOR_LOOK_ALIKE_AT replaced them: still set, they do nothing. */
export const RETIRED_SETTINGS = ['MAJOR_TRIGRAM_AT', 'MAJOR_SHARED_MIN', 'MAJOR_SHARED_AT', 'MAJOR_SERVICE_BONUS'];

/** The retired settings an environment still sets, to be warned about once at start-up. */
export function retiredSettingsIn(env: Record<string, string | undefined>): string[] {
  return RETIRED_SETTINGS.filter((name) => env[name] !== undefined && env[name] !== '');
}

const settingsObject = z.object({
  DATABASE_URL: databaseUrl,
  DATA_DIR: z.string().default('./data'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** 0.0.0.0: every interface (Slack's HTTP events must reach it); 127.0.0.1 behind a proxy on the same machine. */
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  /** The dashboard's address as people's browsers reach it (behind a proxy: its https address); unset: http://localhost:PORT. */
  PUBLIC_URL: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== '' ? v.trim().replace(/\/+$/, '') : undefined))
    .refine((v) => v === undefined || /^https?:\/\/[^/\s]+(\/\S*)?$/.test(v), {
      message: 'an http or https address, such as https://helpdesk.example.com',
    }),
  /** How long a dashboard sign-in lasts. */
  DASHBOARD_SESSION_HOURS: positive(12),
  /** When set, /metrics wants `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: optionalText,
  /** The language of staff channels and of everyone who has not chosen one: a catalog in src/core/texts. */
  HELPDESK_LANGUAGE: z
    .string()
    .trim()
    .toLowerCase()
    .default('en')
    .refine((code) => parseLanguage(code) === code, {
      message: `a language the helpdesk has texts in: ${LANGUAGES.join(', ')}`,
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** json (one object a line) or pretty (readable); unset: pretty on a terminal, json otherwise. */
  LOG_FORMAT: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['json', 'pretty']).optional()),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  HELPDESK_ADMINS: identityList,
  DISCORD_TOKEN: optionalText,
  DISCORD_GUILD_ID: optionalText,
  DISCORD_SUPPORT_CHANNEL_ID: optionalText,
  DISCORD_STAFF_CHANNEL_ID: optionalText,
  DISCORD_API_URL: optionalText,
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_SUPPORT_CHANNEL: optionalText,
  SLACK_API_URL: optionalText,
  /** The reaction that asks for a ticket from a message (its name, without colons). */
  SLACK_TICKET_EMOJI: z
    .string()
    .trim()
    .transform((v) => v.replace(/^:|:$/g, ''))
    .pipe(z.string().regex(/^[a-z0-9_+'-]{1,100}$/, { error: 'an emoji name such as ticket' }))
    .default('ticket'),
  AUTO_CLOSE_DAYS: positive(7),
  REMINDER_DAYS: dayList,
  REOPEN_DAYS: positive(14),
  ATTACHMENT_MAX_MB: positive(8),
  LINK_CODE_MINUTES: positive(15),
  MAX_OPEN_TICKETS: z.coerce.number().int().min(1).default(5),
  TICKETS_PER_HOUR: z.coerce.number().int().min(1).default(10),
  AUTO_CLOSE_CRON: z.string().default('*/5 * * * *'),
  REMINDER_CRON: z.string().default('*/5 * * * *'),
  SLA_SWEEP_CRON: z.string().default('* * * * *'),
  DELIVERY_RETENTION_DAYS: positive(7),
  RETENTION_CRON: z.string().default('0 * * * *'),
  ...majorIncidentSettings,
});

export const settingsSchema = settingsObject.superRefine((settings, ctx) => {
  // Commands, the support channel and the lease all belong to one server: without it the bot would not know which.
  if (settings.DISCORD_TOKEN && !settings.DISCORD_GUILD_ID)
    ctx.addIssue({
      code: 'custom',
      path: ['DISCORD_GUILD_ID'],
      message:
        'required with DISCORD_TOKEN: the id of the Discord server (Developer Mode on, right-click the server, Copy Server ID)',
    });
});

export type Settings = z.infer<typeof settingsObject>;

/** A setting that is wrong; its message is one line per problem, each starting with the setting's name. */
export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'SettingsError';
  }
}

/** Reads settings from an environment; a wrong value stops start-up with every problem named. */
export function loadSettings(env: Record<string, string | undefined> = process.env): Settings {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) throw new SettingsError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return parsed.data;
}

export function policyFrom(settings: Settings): HelpdeskPolicy {
  return {
    major: majorIncidentPolicyFrom(settings),
    reopenDays: settings.REOPEN_DAYS,
    autoCloseDays: settings.AUTO_CLOSE_DAYS,
    reminderDays: settings.REMINDER_DAYS,
    attachmentMaxBytes: Math.round(settings.ATTACHMENT_MAX_MB * 1024 * 1024),
    linkCodeMinutes: settings.LINK_CODE_MINUTES,
    maxOpenTickets: settings.MAX_OPEN_TICKETS,
    ticketsPerHour: settings.TICKETS_PER_HOUR,
    deliveryRetentionDays: settings.DELIVERY_RETENTION_DAYS,
    language: settings.HELPDESK_LANGUAGE,
    publicUrl: settings.PUBLIC_URL ?? `http://localhost:${settings.PORT}`,
    dashboardSessionHours: settings.DASHBOARD_SESSION_HOURS,
  };
}

export const defaultPolicy: HelpdeskPolicy = policyFrom(loadSettings({}));

export function majorIncidentPolicyFrom(settings: Settings): MajorIncidentPolicy {
  return {
    windowMinutes: settings.MAJOR_WINDOW_MINUTES,
    proposeAt: settings.MAJOR_PROPOSE_AT,
    declareAt: Math.max(settings.MAJOR_DECLARE_AT, settings.MAJOR_PROPOSE_AT),
    alikeAt: settings.MAJOR_LOOK_ALIKE_AT,
  };
}
