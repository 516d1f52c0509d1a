import cron from 'node-cron';
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

/** A Discord id (a snowflake: 17 to 20 digits), where someone might paste a name, a link or a mention instead. */
const discordId = (what: string, howToCopy: string) =>
  optionalText.refine((id) => id === undefined || /^\d{17,20}$/.test(id), {
    error: `not ${what}'s id, which is a number of 17 to 20 digits: ${howToCopy}`,
  });

const positive = (fallback: number) => z.coerce.number().positive().default(fallback);

/** A schedule, checked with the scheduler's own validator so a wrong one is refused before anything starts. */
const cronExpression = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .refine((expression) => cron.validate(expression), {
      error: 'not a cron expression: five fields (minute hour day month weekday), such as */5 * * * *',
    });

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
  DISCORD_GUILD_ID: discordId('a server', 'Developer Mode on, right-click the server, Copy Server ID'),
  DISCORD_SUPPORT_CHANNEL_ID: discordId('a channel', 'Developer Mode on, right-click the channel, Copy Channel ID'),
  DISCORD_STAFF_CHANNEL_ID: discordId('a channel', 'Developer Mode on, right-click the channel, Copy Channel ID'),
  DISCORD_API_URL: optionalText,
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  /** A channel's id (C… public, G… older private ones), not its name: Slack's API wants the id. */
  SLACK_SUPPORT_CHANNEL: optionalText.refine((id) => id === undefined || /^[CG][A-Z0-9]+$/.test(id), {
    error:
      "not a channel id: a Slack channel's id starts with C (open the channel, click its name, the id is at the bottom of About)",
  }),
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
  AUTO_CLOSE_CRON: cronExpression('*/5 * * * *'),
  REMINDER_CRON: cronExpression('*/5 * * * *'),
  SLA_SWEEP_CRON: cronExpression('* * * * *'),
  DELIVERY_RETENTION_DAYS: positive(7),
  RETENTION_CRON: cronExpression('0 * * * *'),
  ...majorIncidentSettings,
});

export const settingsSchema = settingsObject.superRefine((settings, ctx) => {
  const problem = (setting: string, message: string) => ctx.addIssue({ code: 'custom', path: [setting], message });
  // Commands, the support channel and the lease all belong to one server: without it the bot would not know which.
  if (settings.DISCORD_TOKEN && !settings.DISCORD_GUILD_ID)
    problem(
      'DISCORD_GUILD_ID',
      'required with DISCORD_TOKEN: the id of the Discord server (Developer Mode on, right-click the server, Copy Server ID)',
    );
  // Half a Slack app would start without its adapter and look as if it ran: refused, naming what is missing.
  if (settings.SLACK_BOT_TOKEN && !settings.SLACK_SIGNING_SECRET && !settings.SLACK_APP_TOKEN)
    problem(
      'SLACK_SIGNING_SECRET',
      'required with SLACK_BOT_TOKEN for HTTP events (Basic Information → Signing Secret); or set SLACK_APP_TOKEN (xapp-…) for Socket Mode instead',
    );
  if (!settings.SLACK_BOT_TOKEN && (settings.SLACK_SIGNING_SECRET || settings.SLACK_APP_TOKEN))
    problem(
      'SLACK_BOT_TOKEN',
      `required with ${settings.SLACK_APP_TOKEN ? 'SLACK_APP_TOKEN' : 'SLACK_SIGNING_SECRET'}: the Bot User OAuth Token (xoxb-…) from OAuth & Permissions`,
    );
  // The two Slack tokens look alike and are easily swapped; the value itself is never repeated.
  if (settings.SLACK_BOT_TOKEN && !settings.SLACK_BOT_TOKEN.startsWith('xoxb-'))
    problem(
      'SLACK_BOT_TOKEN',
      settings.SLACK_BOT_TOKEN.startsWith('xapp-')
        ? 'this is an app-level token (xapp-…), which belongs in SLACK_APP_TOKEN; the bot token starts with xoxb- (OAuth & Permissions → Bot User OAuth Token)'
        : 'a bot token starts with xoxb-: copy the Bot User OAuth Token from OAuth & Permissions',
    );
  if (settings.SLACK_APP_TOKEN && !settings.SLACK_APP_TOKEN.startsWith('xapp-'))
    problem(
      'SLACK_APP_TOKEN',
      settings.SLACK_APP_TOKEN.startsWith('xoxb-')
        ? 'this is the bot token (xoxb-…), which belongs in SLACK_BOT_TOKEN; an app-level token starts with xapp- (Basic Information → App-Level Tokens)'
        : 'an app-level token starts with xapp- (Basic Information → App-Level Tokens, with connections:write)',
    );
});

export type Settings = z.infer<typeof settingsObject>;

/** A setting that is wrong; its message is one line per problem, each starting with the setting's name. */
export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'SettingsError';
  }
}

/** What a wrong number or choice means to the person who wrote it (zod's own wording is for programmers). */
function plainProblem(issue: z.core.$ZodRawIssue, raw: string | undefined): string | undefined {
  const value = raw === undefined ? '' : `"${raw.trim()}"`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'number') return `${value} is not a number`;
      if (issue.expected === 'int') return `${value} is not a whole number`;
      return undefined;
    case 'too_small':
      return issue.origin === 'number'
        ? `${value} is too small: it must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}`
        : undefined;
    case 'too_big':
      return issue.origin === 'number'
        ? `${value} is too large: it must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`
        : undefined;
    case 'invalid_value':
      return `${value} is not one of ${issue.values.map(String).join(', ')}`;
    default:
      return undefined;
  }
}

/** Reads settings from an environment; a wrong value stops start-up with every problem named. */
export function loadSettings(env: Record<string, string | undefined> = process.env): Settings {
  // A setting left empty (`PORT=` in .env) means its default, as if it were not there: never 0.
  const given = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = settingsSchema.safeParse(given, {
    error: (issue) => plainProblem(issue, given[String(issue.path?.[0])]),
  });
  if (!parsed.success) throw new SettingsError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return parsed.data;
}

/** Every setting chatdesk reads (the retired ones are warned about on their own). */
export const SETTING_NAMES: readonly string[] = Object.keys(settingsObject.shape);

/** Settings that name part of chatdesk but that it does not read: a typo, most likely. */
const OUR_PREFIXES =
  /^(DISCORD|SLACK|HELPDESK|MAJOR|DATABASE|DB|DATA|AUTO_CLOSE|REMINDER|REOPEN|ATTACHMENT|LINK_CODE|MAX_OPEN|TICKETS|DELIVERY|RETENTION|DASHBOARD|METRICS|SLA)_/;

/** Edit distance, to suggest the setting a misspelt one meant. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}

/**
 * Names chatdesk does not read, each with the setting it probably meant: those of the `.env` file
 * (`fileNames`, all meant for chatdesk) and those of the environment that look like chatdesk's.
 * Start-up warns about each once; the process still starts (a name may belong to another tool).
 */
export function unknownSettingsIn(
  env: Record<string, string | undefined>,
  fileNames: readonly string[] = [],
): Array<{ name: string; meant?: string }> {
  const known = new Set([...SETTING_NAMES, ...RETIRED_SETTINGS]);
  const names = new Set([...fileNames, ...Object.keys(env).filter((name) => OUR_PREFIXES.test(name))]);
  return [...names]
    .filter((name) => !known.has(name))
    .sort()
    .map((name) => {
      const [meant] = SETTING_NAMES.map((setting) => ({
        setting,
        score: setting.startsWith(name) || name.startsWith(setting) ? 0 : distance(name, setting),
      }))
        .filter(({ score }) => score <= 3)
        .sort((a, b) => a.score - b.score);
      return meant ? { name, meant: meant.setting } : { name };
    });
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
