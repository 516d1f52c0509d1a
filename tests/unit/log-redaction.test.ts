import { Writable } from 'node:stream';
import { QueryFailedError } from 'typeorm';
import { createLogger } from '../../src/log';

/** Logs never hold what people wrote, query parameters or tokens. */
describe('what the logs keep', () => {
  const capture = () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    return { logger: createLogger('info', destination), text: () => lines.join('') };
  };

  test('a failed query is logged with its SQL and code, never its parameters or the values PostgreSQL quotes back', () => {
    const { logger, text } = capture();
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "x"'), {
      code: '23505',
      detail: 'Key (title)=(My secret title) already exists.',
    });
    const error = new QueryFailedError(
      'INSERT INTO ticket (title, description) VALUES ($1, $2)',
      ['My secret title', 'My private description'],
      driverError,
    );
    logger.error({ err: error }, 'slack listener failed');
    const out = text();
    expect(out).toContain('INSERT INTO ticket');
    expect(out).toContain('23505');
    expect(out).not.toContain('My secret title');
    expect(out).not.toContain('My private description');
  });

  test('a query error whose message quotes the input keeps the input out', () => {
    const { logger, text } = capture();
    const driverError = Object.assign(new Error('invalid input syntax for type integer: "call me on 5551234"'), {
      code: '22P02',
    });
    logger.error({ err: new QueryFailedError('SELECT $1::int', ['call me on 5551234'], driverError) }, 'failed');
    expect(text()).not.toContain('5551234');
    expect(text()).toContain('22P02');
  });

  test("people's text and tokens passed as fields are redacted", () => {
    const { logger, text } = capture();
    logger.warn(
      {
        text: 'my password is hunter2',
        body: 'a private body',
        message: { text: 'nested private', title: 'nested title' },
        err: { config: { headers: { Authorization: 'Bearer xoxb-secret' } } },
        token: 'xoxb-secret',
      },
      'something happened',
    );
    const out = text();
    for (const secret of ['hunter2', 'a private body', 'nested private', 'nested title', 'xoxb-secret'])
      expect(out).not.toContain(secret);
    expect(out).toContain('something happened');
  });
});
