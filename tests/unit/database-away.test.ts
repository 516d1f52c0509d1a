import { isDatabaseAway } from '../../src/delivery/held-claim';

/** Which failures of a write that records a send are waited out (the database out of reach) and which are not. */
describe('a database that is away, told from a write that is wrong', () => {
  const withCode = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});
  const wrapped = (driverError: Error) => Object.assign(new Error(driverError.message), { driverError });

  test.each([
    ['connection refused', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'), true],
    ['connection reset', withCode('read ECONNRESET', 'ECONNRESET'), true],
    ['connection cut mid-query (TypeORM wraps it)', wrapped(new Error('Connection terminated unexpectedly')), true],
    ['pool timeout', new Error('timeout exceeded when trying to connect'), true],
    [
      'server shutting down (57P01)',
      wrapped(withCode('terminating connection due to administrator command', '57P01')),
      true,
    ],
    ['server cannot connect now (57P03)', withCode('the database system is starting up', '57P03'), true],
    ['connection failure class (08006)', withCode('connection failure', '08006'), true],
    ['too many connections (53300)', withCode('sorry, too many clients already', '53300'), true],
    ['unique violation (23505)', wrapped(withCode('duplicate key value violates unique constraint', '23505')), false],
    ['syntax error (42601)', withCode('syntax error at or near', '42601'), false],
    ['a bug in the write', new TypeError("Cannot read properties of undefined (reading 'id')"), false],
  ])('%s: waited out = %s', (_name, error, away) => {
    expect(isDatabaseAway(error)).toBe(away);
  });
});
