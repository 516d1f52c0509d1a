import type { Tier } from '../model';

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

export function catalogArticle(services: Service[]): { title: string; body: string } {
  const covered = services.filter((s) => s.covered);
  const notCovered = services.filter((s) => !s.covered);
  const line = (s: Service) => `- ${s.name}${s.description ? `: ${s.description}` : ''}`;
  const body = [
    'What the helpdesk looks after. Open a ticket with /ticket and pick the service; its guide lists a few checks to try first.',
    '',
    'Covered',
    ...(covered.length > 0 ? covered.map(line) : ['- (none yet)']),
    ...(notCovered.length > 0 ? ['', 'Not covered by the helpdesk', ...notCovered.map(line)] : []),
    '',
    "This article is generated from the helpdesk's service catalog and always shows it as it is.",
  ];
  return { title: 'Service catalog', body: body.join('\n') };
}

/** The guide shown after a service is picked: its checks, then the questions the form will ask. */
export function guideText(service: Service): string {
  const checks = service.checks.length > 0 ? ['Before you open a ticket, please check:', ...service.checks.map((c) => `• ${c}`)] : [];
  const questions = service.questions.length > 0 ? ['', 'The form will ask:', ...service.questions.map((q) => `• ${q}`)] : [];
  return [`${service.name}${service.description ? ` — ${service.description}` : ''}`, '', ...checks, ...questions].join('\n').trim();
}

/** The answers to the guide's questions, kept with the ticket's description so staff read them with it. */
export function descriptionWithAnswers(description: string, answers: Array<{ question: string; answer: string }>, max: number): string {
  const given = answers.filter((a) => a.answer.trim() !== '');
  if (given.length === 0) return description;
  const text = `${description}\n\n${given.map((a) => `${a.question}\n${a.answer.trim()}`).join('\n\n')}`;
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function declinedText(service: Pick<Service, 'name'>, catalogArticleId: number | null): string {
  const pointer = catalogArticleId ? ` See what the helpdesk covers with /kb read ${catalogArticleId}.` : '';
  return `Sorry — ${service.name} is not something the helpdesk looks after, so no ticket was opened.${pointer}`;
}
