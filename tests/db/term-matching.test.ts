import { searchTerms } from '../../src/core/rules/it-words';
import { matchesAny } from '../../src/core/services/incidents-met';
import { termMatches, termQueries } from '../../src/core/services/term-queries';
import { describeEachDatabase } from '../helpers/database';
import { corpusHalf, storeCorpus } from '../helpers/incident-corpus';

/**
 * The look-alike search matches a report's terms against each incident's lexemes itself, with
 * each term's query in fewer operands: on every report of the corpus and every term its reports
 * bring, that must match exactly the reports the database's `@@` matches with the full query.
 */
describeEachDatabase('matching a term without the database', (ctx) => {
  const incidents = [...corpusHalf('tune'), ...corpusHalf('heldout')];

  beforeAll(async () => {
    await storeCorpus(ctx().dataSource, incidents, new Date('2026-03-02T07:00:00Z'));
  });

  test("every corpus term matches the same reports as the database's @@ with the term's full query", async () => {
    const { manager } = ctx().dataSource;
    const terms = [...new Set(incidents.flatMap((i) => searchTerms(i.title, i.description)))];
    const queries = await termQueries(manager, terms);
    const matches = await termMatches(manager, terms);
    const asked = terms.map((_, i) => i).filter((i) => queries[i] !== null);
    const byDatabase: Array<{ term: number; ids: number[] }> = await manager.query(
      `SELECT q.term::int AS term, array_agg(t.id ORDER BY t.id) AS ids
       FROM unnest($1::int[], $2::tsquery[]) AS q(term, query) JOIN ticket t ON t.search @@ q.query
       GROUP BY q.term`,
      [asked, asked.map((i) => queries[i])],
    );
    const lexemes: Array<{ id: number; lexemes: string[] }> = await manager.query(`SELECT id, tsvector_to_array(search) AS lexemes FROM ticket ORDER BY id`);
    const sorted = lexemes.map((t) => ({ id: t.id, lexemes: t.lexemes.sort() }));
    const expected = new Map(byDatabase.map((row) => [row.term, row.ids]));
    let compared = 0;
    for (const i of asked) {
      const { operands } = matches[i]!;
      expect(operands).not.toBeNull();
      const ours = sorted.filter((t) => matchesAny(t.lexemes, operands!)).map((t) => t.id);
      expect({ term: terms[i], ids: ours }).toEqual({ term: terms[i], ids: expected.get(i) ?? [] });
      compared += sorted.length;
    }
    expect(compared).toBeGreaterThan(100_000);
  });
});
