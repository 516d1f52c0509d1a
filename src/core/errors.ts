/**
 * Errors a person can read. Adapters show `message` privately; nothing is stored when one is thrown
 * because every service raises them before (or instead of) committing.
 */
export type HelpdeskErrorCode = 'invalid_input' | 'forbidden' | 'not_found' | 'conflict';

export class HelpdeskError extends Error {
  constructor(
    readonly code: HelpdeskErrorCode,
    message: string,
  ) {
    super(message);
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
  constructor(reason: string) {
    super('forbidden', reason);
  }
}

export class NotFoundError extends HelpdeskError {
  constructor(what: string) {
    super('not_found', what);
  }
}

/** An action that is understood but not possible in the ticket's current state. */
export class ConflictError extends HelpdeskError {
  constructor(reason: string) {
    super('conflict', reason);
  }
}

export function isHelpdeskError(error: unknown): error is HelpdeskError {
  return error instanceof HelpdeskError;
}
