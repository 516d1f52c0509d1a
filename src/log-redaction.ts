import pino from 'pino';

/**
 * Logs never hold what people wrote, query parameters or tokens (PRODUCT.md "Privacy"). Fields
 * that carry people's text or credentials are censored wherever a log call puts them (at the top
 * or one level down), and errors are serialised without what they quote.
 */
const TEXT_FIELDS = ['text', 'body', 'title', 'description', 'content', 'comment', 'answer', 'token', 'password'];

export const REDACT_PATHS: string[] = [
  ...TEXT_FIELDS,
  ...TEXT_FIELDS.map((field) => `*.${field}`),
  'headers.authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  'err.config.headers.Authorization',
  'err.config.headers.authorization',
  'err.config.data',
  'err.data.args',
  'err.request',
];

/** A failed query (TypeORM's QueryFailedError) carries its parameters and PostgreSQL's quoted values. */
function isFailedQuery(
  error: unknown,
): error is Error & { query: string; parameters?: unknown; driverError?: unknown } {
  return error instanceof Error && typeof (error as { query?: unknown }).query === 'string' && 'parameters' in error;
}

/**
 * pino's error serialiser, except for failed queries: their SQL (parameterised, so no one's text)
 * and SQLSTATE are kept; the parameters, PostgreSQL's `detail` and `where`, and the message (which
 * may quote a value, e.g. invalid input syntax) are not.
 */
export function serializeError(error: unknown): unknown {
  if (!isFailedQuery(error)) return pino.stdSerializers.err(error as Error);
  const code = String((error as { code?: unknown }).code ?? (error.driverError as { code?: unknown })?.code ?? '');
  const message = `query failed (SQLSTATE ${code || 'unknown'})`;
  return {
    type: error.name,
    message,
    code,
    query: error.query,
    stack: [message, ...(error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '))].join(
      '\n',
    ),
  };
}
