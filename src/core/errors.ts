/**
 * Errors a person can read. Adapters show `message` privately; nothing is stored when one is thrown
 * because every service raises them before (or instead of) committing.
 */
import type { Message } from './rules/messages';

export type HelpdeskErrorCode = 'invalid_input' | 'forbidden' | 'not_found' | 'conflict';

/** What an error says: English words as before, or a catalog message to say in the reader's language. */
export type ErrorText = string | { english: string; message: Message };

export class HelpdeskError extends Error {
  /** The catalog message behind `message`, when there is one: adapters say it in the reader's language. */
  readonly text?: Message;

  constructor(
    readonly code: HelpdeskErrorCode,
    text: ErrorText,
  ) {
    super(typeof text === 'string' ? text : text.english);
    if (typeof text !== 'string') this.text = text.message;
    this.name = new.target.name;
  }
}

export interface FieldProblem {
  field: string;
  problem: string;
}

export class InvalidInputError extends HelpdeskError {
  constructor(readonly problems: FieldProblem[]) {
    super('invalid_input', problems.map((p) => (p.field ? `${p.field}: ${p.problem}` : p.problem)).join('; '));
  }
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
