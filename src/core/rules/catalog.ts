import type { Tier } from '../model';
import { DEFAULT_LANGUAGE, textsFor, type Language } from '../texts';
import { formatMoment } from './messages';

/**
 * The service catalog as plain data: what each service is, whether the helpdesk covers it, which
 * tier owns its tickets, and its creation guide (checks to try, questions to answer). The
 * catalog article customers read is written from it, as is the guide a customer sees first.
 */
export interface Service {
  id: number;
  name: string;
  description: string;
  covered: boolean;
  owningTier: Tier;
  checks: string[];
  questions: string[];
}

/** At most this many articles are offered before a ticket is opened. */
export const SUGGESTED_ARTICLES = 3;
/** An undecided submission is kept this long for the customer to come back to. */
export const DRAFT_KEPT_MS = 24 * 60 * 60 * 1000;

/** The catalog article in one language (the helpdesk keeps one per language it speaks). */
export function catalogArticle(
  services: Service[],
  language: Language = DEFAULT_LANGUAGE,
): { title: string; body: string } {
  const say = textsFor(language);
  const covered = services.filter((s) => s.covered);
  const notCovered = services.filter((s) => !s.covered);
  const line = (s: Service) => `- ${s.name}${s.description ? `: ${s.description}` : ''}`;
  const body = [
    say('articles.catalog.intro'),
    '',
    say('articles.catalog.covered'),
    ...(covered.length > 0 ? covered.map(line) : [say('articles.catalog.none')]),
    ...(notCovered.length > 0 ? ['', say('articles.catalog.notCovered'), ...notCovered.map(line)] : []),
    '',
    say('articles.catalog.generated'),
  ];
  return { title: say('articles.catalog.title'), body: body.join('\n') };
}

/** The guide shown after a service is picked: its checks, then the questions the form will ask. */
export function guideText(service: Service, language: Language = DEFAULT_LANGUAGE): string {
  const say = textsFor(language);
  const checks =
    service.checks.length > 0 ? [say('forms.guide.checksIntro'), ...service.checks.map((c) => `• ${c}`)] : [];
  const questions =
    service.questions.length > 0 ? ['', say('forms.guide.formAsks'), ...service.questions.map((q) => `• ${q}`)] : [];
  return [`${service.name}${service.description ? ` — ${service.description}` : ''}`, '', ...checks, ...questions]
    .join('\n')
    .trim();
}

/** The answers to the guide's questions, kept with the ticket's description so staff read them with it. */
export function descriptionWithAnswers(
  description: string,
  answers: Array<{ question: string; answer: string }>,
  max: number,
): string {
  const given = answers.filter((a) => a.answer.trim() !== '');
  if (given.length === 0) return description;
  const text = `${description}\n\n${given.map((a) => `${a.question}\n${a.answer.trim()}`).join('\n\n')}`;
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function declinedText(
  service: Pick<Service, 'name'>,
  catalogArticleId: number | null,
  language: Language = DEFAULT_LANGUAGE,
): string {
  const say = textsFor(language);
  const pointer = catalogArticleId ? say('forms.guide.declinedPointer', { id: catalogArticleId }) : '';
  return say('forms.guide.declined', { service: service.name, pointer });
}

/** The select's last option: a problem that fits no service goes on without a guide. */
export const SOMETHING_ELSE = 'something-else';

/** What picking in the service select leads to, decided from the in-memory catalog (no database call). */
export type ServicePick =
  | { kind: 'guide'; service: Service }
  | { kind: 'something-else' }
  | { kind: 'declined'; message: string }
  | { kind: 'unknown'; message: string };

export function pickService(
  services: Service[],
  value: string,
  catalogArticleId: number | null,
  language: Language = DEFAULT_LANGUAGE,
): ServicePick {
  if (value === SOMETHING_ELSE) return { kind: 'something-else' };
  const service = services.find((s) => String(s.id) === value);
  if (!service)
    return {
      kind: 'unknown',
      message: textsFor(language)('forms.guide.unknownService'),
    };
  if (!service.covered) return { kind: 'declined', message: declinedText(service, catalogArticleId, language) };
  return { kind: 'guide', service };
}

/**
 * The options of the first step: covered services, then those the helpdesk does not cover (so
 * picking one is answered with the pointer to the catalog instead of a form), then "something else".
 */
export function serviceOptions(
  services: Service[],
  language: Language = DEFAULT_LANGUAGE,
): Array<{ value: string; label: string; description: string }> {
  const say = textsFor(language);
  const option = (s: Service) => ({
    value: String(s.id),
    label: s.name,
    description: s.covered ? s.description : say('forms.guide.notCovered'),
  });
  return [
    ...services.filter((s) => s.covered).map(option),
    ...services.filter((s) => !s.covered).map(option),
    {
      value: SOMETHING_ELSE,
      label: say('forms.guide.somethingElse'),
      description: say('forms.guide.somethingElseHint'),
    },
  ];
}

/** One page of options: Discord's selects hold 25, so longer lists get "more" and "back" entries. */
export function optionsPage<T>(
  options: T[],
  page: number,
  size: number,
): { options: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(options.length / size));
  const current = Math.min(Math.max(0, page), pages - 1);
  return { options: options.slice(current * size, (current + 1) * size), page: current, pages };
}

/** The checks and questions of a service, entered one per line in a form. */
export function linesOf(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*[-•*]\s*/, '').trim())
    .filter((line) => line !== '');
}

/** The words of the guide flow in one language, so Discord and Slack say the same. */
export function guideMessagesIn(language: Language, timeZone?: string) {
  const say = textsFor(language);
  return {
    pickService: say('forms.guide.pickService'),
    suggestIntro: (count: number) => say('forms.guide.suggestIntro', { count }),
    solvedIt: say('forms.guide.solvedIt'),
    openTicket: say('forms.guide.openTicket'),
    deflected: (article: { id: number; title: string }) =>
      say('forms.guide.deflected', { id: article.id, title: article.title }),
    opened: (ticket: { number: number }) => say('forms.guide.opened', { number: ticket.number }),
    waiting: (draft: { title: string; createdAt: Date }) =>
      say('forms.guide.waiting', {
        title: draft.title,
        when: formatMoment({ at: draft.createdAt.toISOString(), precision: 'minute' }, timeZone),
      }),
    openWaiting: say('forms.guide.openWaiting'),
    showWaiting: say('forms.guide.showWaiting'),
  };
}

/** The guide's words in English, for code that has no reader's language. */
export const guideMessages = guideMessagesIn(DEFAULT_LANGUAGE);

/** `/helpdesk catalog list`: every service with the id the other catalog commands take, in the reader's language. */
export function catalogListText(services: Service[], language: Language = DEFAULT_LANGUAGE): string {
  const say = textsFor(language);
  if (services.length === 0) return say('catalogList.empty');
  return services
    .map((s) => {
      const guide = [
        s.checks.length ? say('catalogList.checks', { count: s.checks.length }) : null,
        s.questions.length ? say('catalogList.questions', { count: s.questions.length }) : null,
      ]
        .filter(Boolean)
        .join(', ');
      const coverage = s.covered ? say('catalogList.covered', { tier: s.owningTier }) : say('catalogList.notCovered');
      return `${s.id}. ${s.name} · ${coverage}${guide ? ` · ${guide}` : ''}${s.description ? `\n   ${s.description}` : ''}`;
    })
    .join('\n');
}
