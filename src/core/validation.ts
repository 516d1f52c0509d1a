import { z } from 'zod';
import { InvalidInputError, problemOf, type FieldProblem } from './errors';
import { msg, type Message, type MessageParam } from './rules/messages';
import type { TextKey } from './texts';
import type { en } from './texts/en';

/**
 * How the schemas (schemas.ts) say what is wrong with an input: every check a person can fail
 * names a catalog message (`validation.…`, its field's name a text too), and parseInput turns the
 * failures into an InvalidInputError that adapters say in the reader's language.
 */

export type ValidationKey = Extract<TextKey, `validation.${string}`>;
type Issue = z.core.$ZodRawIssue;
type Params = Record<string, MessageParam>;
/**
 * zod carries a check's message as a string: a catalog message travels in it as JSON behind this
 * mark, and parseInput reads it back into the error's text.
 */
const CATALOG = 'catalog:';
/** A check's `error` option: the catalog message it says, its values fixed or read from the failing input. */
export const says = (key: ValidationKey, params?: Params | ((issue: Issue) => Params)) => ({
  error: (issue: Issue) => CATALOG + JSON.stringify(msg(key, typeof params === 'function' ? params(issue) : params)),
});
/** A field's name as a person reads it ("The title", "Titlen"), a text of its own. */
export type FieldName = keyof typeof en.validation.field;
export const fieldName = (name: FieldName): Message => msg(`validation.field.${name}`);

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
export const noControl = (name: FieldName) => says('validation.controlCharacters', { field: fieldName(name) });
export const withoutControl = (text: string) => !CONTROL.test(text);
const showsSomething = (text: string) => text.replace(INVISIBLE, '') !== '';

export const trimmed = (name: FieldName, max: number) => {
  const field = fieldName(name);
  return z
    .string(says('validation.required', { field }))
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, says('validation.empty', { field }))
        .max(
          max,
          says('validation.tooLong', (issue) => ({ field, length: (issue.input as string).length, max })),
        )
        .refine(withoutControl, noControl(name))
        // An empty text is the min's to name, once.
        .refine((text) => text === '' || showsSomething(text), says('validation.empty', { field })),
    );
};
/** A text's limit, said without counting what was typed. */
export const limitedTo = (name: FieldName, max: number) =>
  says('validation.limitedTo', { field: fieldName(name), max });

/** Parses an operation's input or throws an InvalidInputError that names each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidInputError(result.error.issues.map(problemOfIssue));
}

/**
 * A failed check as a field's problem: its catalog message, read back from zod's. A check with
 * zod's own words is on a field a platform or the adapter fills in (an id, a choice, a flag), not
 * one a person types: its words are kept for the log, and a person reads "not valid".
 */
function problemOfIssue(issue: z.core.$ZodIssue): FieldProblem {
  const field = issue.path.map(String).join('.');
  const text = catalogMessage(issue.message);
  return text
    ? { field, ...problemOf(text) }
    : { field, problem: issue.message, text: msg('validation.notValid', { field }) };
}

function catalogMessage(said: string): Message | undefined {
  if (!said.startsWith(CATALOG)) return undefined;
  try {
    return JSON.parse(said.slice(CATALOG.length)) as Message;
  } catch {
    return undefined;
  }
}
