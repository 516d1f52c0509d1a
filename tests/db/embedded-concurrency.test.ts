import { freshDatabase, type TestDatabase } from '../helpers/database';

/**
 * PGlite serves every connection through one queue of protocol messages. A parameterised query
 * is several messages (Parse, Bind, Execute, Sync); those of two connections must not interleave,
 * inside a transaction or not.
 */
describe('the embedded store under concurrent connections', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase('pglite', 10);
  });
  afterAll(async () => {
    await db.close();
  });

  test('parameterised queries outside transactions, many at once, each get their own answer', async () => {
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        db.dataSource.query(`SELECT $1::int AS n, repeat('x', $2::int) AS pad`, [i, i % 7]),
      ),
    );
    expect(answers.map((rows) => rows[0].n)).toEqual(Array.from({ length: 300 }, (_, i) => i));
  });

  test('transactions and single queries mixed', async () => {
    const work = Array.from({ length: 100 }, (_, i) =>
      i % 2
        ? db.dataSource.transaction(async (m) => (await m.query(`SELECT $1::int AS n`, [i]))[0].n)
        : db.dataSource.query(`SELECT $1::int AS n`, [i]).then((rows) => rows[0].n),
    );
    expect(await Promise.all(work)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});
