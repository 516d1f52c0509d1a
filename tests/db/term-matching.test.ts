import { searchTerms } from '../../src/core/rules/it-words';
import { trigramSimilarity } from '../../src/core/rules/similarity';
import { matchesAny } from '../../src/core/services/incidents-met';
import { termMatches, termQueries } from '../../src/core/services/term-queries';
import { describeEachDatabase } from '../helpers/database';
import { corpusHalf, storeCorpus } from '../helpers/incident-corpus';

/**
 * The look-alike search matches a report's terms against each incident's lexemes itself, with
 * each term's query in fewer operands, and works out the titles' similarity from their kept
 * trigrams: on every report of the corpus, that must give exactly what the database's `@@` with
 * the full query and pg_trgm's similarity() give.
 */
describeEachDatabase('matching a term and comparing titles without the database', (ctx) => {
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
    const lexemes: Array<{ id: number; lexemes: string[] }> = await manager.query(
      `SELECT id, tsvector_to_array(search) AS lexemes FROM ticket ORDER BY id`,
    );
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

  test("every pair of corpus titles, and titles of capitals, digits, Danish letters and no letters at all, is as alike as pg_trgm's similarity() says", async () => {
    const { manager } = ctx().dataSource;
    const odd = [
      'VPN NEDE!!!',
      'vpn nede',
      'Fejl 0x80070005 i Outlook',
      'fejl 0x80070005 i outlook',
      'Æøå ÆØÅ æøå',
      'Skærmen er sort',
      'skærm sort',
      '!!!',
      '',
      '🙂 printer 🙂',
      'a',
      'ab',
    ];
    const titles = [...new Set([...incidents.map((i) => i.title), ...odd])];
    const trigrams: Array<{ trigrams: string[] }> = await manager.query(
      `SELECT show_trgm(t) AS trigrams FROM unnest($1::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n`,
      [titles],
    );
    const pairs = titles.flatMap((_, a) => titles.map((__, b) => [a, b] as const).filter(([x, y]) => x < y));
    const byDatabase: Array<{ similarity: number }> = await manager.query(
      `SELECT similarity(($1::text[])[a], ($1::text[])[b]) AS similarity FROM unnest($2::int[], $3::int[]) WITH ORDINALITY AS p(a, b, n) ORDER BY n`,
      [titles, pairs.map(([a]) => a + 1), pairs.map(([, b]) => b + 1)],
    );
    const ours = pairs.map(([a, b]) => trigramSimilarity(new Set(trigrams[a].trigrams), trigrams[b].trigrams));
    expect(ours).toEqual(byDatabase.map((row) => row.similarity));
    expect(pairs.length).toBeGreaterThan(50_000);
    expect(ours.filter((x) => x > 0.3).length).toBeGreaterThan(50);
  });
});
