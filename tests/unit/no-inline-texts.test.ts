import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * What the adapters say comes from the text catalog (src/core/texts): a text written inline in an
 * adapter would be said in English to everyone. This scans all of src/bots for string literals
 * that read as words (two words or more), leaving out comments, log lines, errors for operators
 * and developers (a delivery's failure reason, a startup refusal), and command examples
 * (`/tickets show 6`), which are the same in every language.
 */
const ROOT = join(__dirname, '../..');
const SCANNED = ['src/bots'];
/**
 * The core's rules that write whole documents or lists a person reads, so the same scan holds them
 * too: the transcript (its headings, facts and changes) and the service catalog's texts.
 */
const SCANNED_FILES = ['src/core/rules/transcript.ts', 'src/core/rules/catalog.ts'];

/**
 * Files whose words are for the operator, not for a person in a chat: the command-registration
 * script's output and the permission list it prints with the invite link, start-up refusals of a
 * token, the adapters' health states on /healthz.
 */
const OPERATOR_FILES = [
  'src/bots/discord/register-commands.ts',
  'src/bots/discord/permissions.ts',
  'src/bots/discord/connection.ts',
  'src/bots/slack/connection.ts',
  'src/bots/adapter-state.ts',
];

/** Lines that are not said to a person: logs, developers' errors. */
const NOT_SAID = [/\blogger\.(error|warn|info|debug)\(/, /new Error\(/];
/** A literal that is the argument of one of these is not said to a person either, over several lines too. */
const NOT_SAID_CALL =
  /(?:\blogger\.(?:error|warn|info|debug)|\bstatus\??\.set|\b\w*Error)\(\s*(?:\{[^{}]*\},\s*)?(?:(?:'[^']*'|[\w.]+),\s*)?$|\berror:\s*$/;
/** Text compared with, not said: an English refusal already worded as one ("You can't …"). */
const COMPARED = /\.startsWith\(/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * The string literals of a source, comments taken out first; `all`: those of logs and errors too
 * (in the core's input checks an `error:` is what a person reads).
 */
function literals(source: string, all = false): Array<{ line: number; text: string }> {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/^\s*\/\/.*$/gm, '');
  const found: Array<{ line: number; text: string }> = [];
  const literal = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g;
  for (let m = literal.exec(code); m; m = literal.exec(code)) {
    const line = code.slice(0, m.index).split('\n').length;
    const lineText = code.split('\n')[line - 1];
    if (!all && (NOT_SAID.some((p) => p.test(lineText)) || COMPARED.test(lineText))) continue;
    if (!all && NOT_SAID_CALL.test(code.slice(Math.max(0, m.index - 200), m.index))) continue;
    found.push({ line, text: m[1] ?? m[2] ?? m[3] ?? '' });
  }
  return found;
}

/** Words a person reads: what is left once placeholders, mentions, command examples and ids are taken out. */
function readsAsWords(text: string): boolean {
  // A command's or sub-command's name (`tickets show`, `staff add`): the product's, in every language.
  if (/^[a-z]+(?: [a-z]+){0,3}$/.test(text)) return false;
  const rest = text
    .replace(/\$\{[^}]*\}/g, ' ')
    .replace(/\\`[^`]*\\`/g, ' ')
    .replace(/\/[a-z]+(?: [a-z0-9@#|[\].:_-]+)*/gi, ' ');
  return /[A-Za-zÀ-ÿ]{2,} [A-Za-zÀ-ÿ]{2,}/.test(rest);
}

describe('no text a person reads written inline in an adapter (or the core rules that write documents)', () => {
  it('finds every person-readable text in the catalog, not in the adapters', () => {
    const scanned = [
      ...SCANNED.flatMap((dir) => files(join(ROOT, dir))),
      ...SCANNED_FILES.map((file) => join(ROOT, file)),
    ].filter((path) => !OPERATOR_FILES.includes(relative(ROOT, path)));
    const inline = scanned.flatMap((path) =>
      literals(readFileSync(path, 'utf8'))
        .filter(({ text }) => readsAsWords(text))
        .map(({ line, text }) => `${relative(ROOT, path)}:${line}: ${text}`),
    );
    expect(inline).toEqual([]);
  });

  it('notices an inline reply (the scan is not blind)', () => {
    const sample = "await answer(`#${n} is now assigned to someone.`);\nlogger.warn('not this one');";
    expect(literals(sample).filter(({ text }) => readsAsWords(text))).toEqual([
      { line: 1, text: '#${n} is now assigned to someone.' },
    ]);
  });
});

/**
 * The core's refusals reach a person through an adapter, which says them in that person's
 * language: so the core builds every error a person reads from a catalog key (`msg('refusals.…')`),
 * never from English words. This scans src/core/services and src/core/rules for an error or a
 * field's problem given a string literal (a plain `Error` is a bug, answered "something went wrong").
 */
const CORE_SCANNED = ['src/core/services', 'src/core/rules'];
/**
 * Errors only an operator or a developer sees, the same in every language: a stored row pointing at
 * a ticket or person that is gone (a broken reference found by a job or the delivery dispatcher,
 * logged, never an answer to someone's command: people name tickets by number, not by row id).
 */
const OPERATOR_ERRORS = [/^ticket id \$\{\w+\} does not exist$/, /^person \$\{\w+\} does not exist$/];
const ERROR_WITH_LITERAL =
  /(?:new (?:Conflict|NotFound|Forbidden|InvalidInput|Helpdesk)Error\(\s*|\bproblem:\s*|\binvalid\(\s*)('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`)/g;

function errorsWithWords(source: string): Array<{ line: number; text: string }> {
  const found: Array<{ line: number; text: string }> = [];
  for (let m = ERROR_WITH_LITERAL.exec(source); m; m = ERROR_WITH_LITERAL.exec(source)) {
    const text = m[1].slice(1, -1);
    if (OPERATOR_ERRORS.some((allowed) => allowed.test(text))) continue;
    found.push({ line: source.slice(0, m.index).split('\n').length, text });
  }
  return found;
}

describe("no English refusal written inline in the core's services and rules", () => {
  it('builds every error a person reads from a catalog key', () => {
    const inline = CORE_SCANNED.flatMap((dir) => files(join(ROOT, dir))).flatMap((path) =>
      errorsWithWords(readFileSync(path, 'utf8')).map(({ line, text }) => `${relative(ROOT, path)}:${line}: ${text}`),
    );
    expect(inline).toEqual([]);
  });

  it('notices an inline refusal (the scan is not blind)', () => {
    const sample =
      "throw new ConflictError(`#${n} is already pending.`);\nthrow new NotFoundError(msg('refusals.noArticle'));\n" +
      "throw new NotFoundError(`ticket id ${id} does not exist`);\nreturn [{ field: 'x', problem: 'too long' }];";
    expect(errorsWithWords(sample)).toEqual([
      { line: 1, text: '#${n} is already pending.' },
      { line: 4, text: 'too long' },
    ]);
  });
});

/**
 * The core's checks of what people type (schemas.ts, and validation.ts that turns a failed check
 * into the error) say each problem as a catalog key (`says('validation.…')`), the field's name a
 * text too: no English sentence is left in them but these, which are no check's words.
 */
const SCHEMA_FILES = ['src/core/schemas.ts', 'src/core/validation.ts'];
const SCHEMA_ALLOWED = [
  // What a redacted comment or ticket text becomes when the admin gives no replacement: a stored
  // word (like the erased "[erased]"), compared with what is stored, not a message said to someone.
  '[redacted by an admin]',
];

describe("no English sentence written inline in the core's input checks", () => {
  it('says every problem with an input from the catalog', () => {
    const inline = SCHEMA_FILES.flatMap((path) =>
      literals(readFileSync(join(ROOT, path), 'utf8'), true)
        .filter(({ text }) => readsAsWords(text) && !SCHEMA_ALLOWED.includes(text))
        .map(({ line, text }) => `${path}:${line}: ${text}`),
    );
    expect(inline).toEqual([]);
  });

  it('notices a check with its own words, whichever way it is written (the scan is not blind)', () => {
    const sample =
      "title: z.string().min(1, { error: `${field} can't be empty` }),\n" +
      "type: z.enum(TYPES, 'Type must be incident or request'),\n" +
      "body: z.string().max(9, says('validation.limitedTo', { field: fieldName('message'), max: 9 })),";
    expect(
      literals(sample, true)
        .filter(({ text }) => readsAsWords(text))
        .map(({ line }) => line),
    ).toEqual([1, 2]);
  });
});
