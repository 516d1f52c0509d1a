/**
 * Errors a person can read. Adapters show `message` privately; nothing is stored when one is thrown
 * because every service raises them before (or instead of) committing.
 */
import { DEFAULT_LANGUAGE, t } from './texts';
import type { Message } from './rules/messages';

export type HelpdeskErrorCode = 'invalid_input' | 'forbidden' | 'not_found' | 'conflict';

/**
 * What an error says: a catalog message, said in the reader's language by the adapter that answers
 * (`message` holds its English, for logs). A plain string is for operator-only errors (a broken
 * stored reference), never for a person's refusal: tests/unit/no-inline-texts.test.ts holds that.
 */
export type ErrorText = string | Message | { english: string; message: Message };

/** A message in English (its nested texts and values filled in), for logs and `Error.message`. */
function english(message: Message): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) {
    if (typeof value !== 'object') params[name] = value;
    else params[name] = 'key' in value ? english(value) : value.at;
  }
  return t(DEFAULT_LANGUAGE, message.key, params);
}

const isMessage = (text: ErrorText): text is Message => typeof text === 'object' && 'key' in text;

export class HelpdeskError extends Error {
  /** The catalog message behind `message`, when there is one: adapters say it in the reader's language. */
  readonly text?: Message;

  constructor(
    readonly code: HelpdeskErrorCode,
    text: ErrorText,
  ) {
    super(typeof text === 'string' ? text : isMessage(text) ? english(text) : text.english);
    if (typeof text !== 'string') this.text = isMessage(text) ? text : text.message;
    this.name = new.target.name;
  }
}

export interface FieldProblem {
  field: string;
  /** The problem in English (logs, and code that does not know its reader). */
  problem: string;
  /** The problem as a catalog message, said in the reader's language. */
  text?: Message;
}

/** A field's problem from a catalog message: `{ field, ...problemOf(message) }`. */
export const problemOf = (text: Message): Pick<FieldProblem, 'problem' | 'text'> => ({ problem: english(text), text });

export class InvalidInputError extends HelpdeskError {
  constructor(readonly problems: FieldProblem[]) {
    super(
      'invalid_input',
      problems.every((p) => p.text)
        ? {
            english: problems.map((p) => (p.field ? `${p.field}: ${p.problem}` : p.problem)).join('; '),
            message: joinProblems(problems.map((p) => p.text!)),
          }
        : problems.map((p) => (p.field ? `${p.field}: ${p.problem}` : p.problem)).join('; '),
    );
  }
}

/** Several problems as one message (each said in the reader's language), joined by "; ". */
function joinProblems(texts: Message[]): Message {
  return texts
    .slice(1)
    .reduce<Message>((said, next) => ({ key: 'refusals.andAlso', params: { first: said, next } }), texts[0]);
}

export class ForbiddenError extends HelpdeskError {
  constructor(reason: ErrorText) {
    super('forbidden', reason);
  }
}

export class NotFoundError extends HelpdeskError {
  constructor(what: ErrorText) {
    super('not_found', what);
  }
}

/** An action that is understood but not possible in the ticket's current state. */
export class ConflictError extends HelpdeskError {
  constructor(reason: ErrorText) {
    super('conflict', reason);
  }
}

export function isHelpdeskError(error: unknown): error is HelpdeskError {
  return error instanceof HelpdeskError;
}
