import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../src/core/errors';
import { describeEachDatabase } from '../helpers/database';
import { ADMIN, discord, staffUp } from '../helpers/people';

/** The knowledge base: revisions, who reads what, archive, search in two languages, the special marks. */
describeEachDatabase('knowledge base', (ctx) => {
  const supporter = discord('kim');
  const customer = discord('cora');

  beforeAll(async () => {
    await staffUp(ctx().helpdesk, { kim: '1' });
  });

  const kb = () => ctx().helpdesk.knowledge;
  const count = async (table: 'article' | 'article_revision'): Promise<number> => {
    const [{ n }] = await ctx().dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
    return n;
  };

  test('staff create an article with a first revision, and each edit keeps the earlier text as a revision', async () => {
    const created = await kb().create(supporter, {
      title: 'VPN setup',
      body: 'Install the client from the portal.',
      tags: ['VPN', 'remote'],
    });
    expect(created).toMatchObject({
      title: 'VPN setup',
      visibility: 'staff',
      tags: ['vpn', 'remote'],
      special: null,
      archivedAt: null,
    });

    ctx().clock.advance(60_000);
    const edited = await kb().edit(supporter, {
      id: created.id,
      body: 'Install the client from the new portal.',
      visibility: 'public',
    });
    expect(edited).toMatchObject({
      title: 'VPN setup',
      body: 'Install the client from the new portal.',
      visibility: 'public',
    });
    expect(edited.updatedAt.getTime()).toBeGreaterThan(created.updatedAt.getTime());

    const read = await kb().read(supporter, { id: created.id });
    expect(read.revisionCount).toBe(2);
    const revisions = await kb().revisions(supporter, { id: created.id });
    expect(revisions.map((r) => [r.body, r.visibility])).toEqual([
      ['Install the client from the portal.', 'staff'],
      ['Install the client from the new portal.', 'public'],
    ]);
  });

  test('an edit that changes nothing adds no revision', async () => {
    const created = await kb().create(supporter, { title: 'Unchanged', body: 'Same text.' });
    await kb().edit(supporter, { id: created.id, title: 'Unchanged' });
    expect((await kb().read(supporter, { id: created.id })).revisionCount).toBe(1);
  });

  test('a customer can neither create nor edit an article, and nothing is stored', async () => {
    const article = await kb().create(supporter, {
      title: 'Printer drivers',
      body: 'Use the vendor driver.',
      visibility: 'public',
    });
    const [articles, revisions] = [await count('article'), await count('article_revision')];

    await expect(kb().create(customer, { title: 'My tip', body: 'Reboot it.' })).rejects.toThrow(ForbiddenError);
    await expect(kb().edit(customer, { id: article.id, body: 'Buy a new printer.' })).rejects.toThrow(ForbiddenError);
    await expect(kb().archive(customer, { id: article.id })).rejects.toThrow(ForbiddenError);
    await expect(kb().revisions(customer, { id: article.id })).rejects.toThrow(ForbiddenError);

    expect([await count('article'), await count('article_revision')]).toEqual([articles, revisions]);
    expect((await kb().read(customer, { id: article.id })).body).toBe('Use the vendor driver.');
  });

  test('a customer reads and finds public and special articles only; staff find all of them', async () => {
    const pub = await kb().create(supporter, {
      title: 'Zebrafish public guide',
      body: 'Zebrafish tank cleaning.',
      visibility: 'public',
    });
    const internal = await kb().create(supporter, {
      title: 'Zebrafish internal notes',
      body: 'Zebrafish supplier contract.',
    });
    // The catalog article: customers read it whatever its visibility (the SLA article is generated, see sla.test).
    const catalog = await kb().create(supporter, {
      title: 'Zebrafish service catalog',
      body: 'Zebrafish tanks are covered.',
    });
    await kb().markSpecial(ADMIN, { id: catalog.id, special: 'catalog' });

    const customerHits = await kb().search(customer, { words: 'zebrafish' });
    expect(customerHits.map((h) => h.id).sort()).toEqual([pub.id, catalog.id].sort());
    expect(customerHits.find((h) => h.id === catalog.id)).toMatchObject({ special: 'catalog', visibility: 'staff' });
    const staffHits = await kb().search(supporter, { words: 'zebrafish' });
    expect(staffHits.map((h) => h.id).sort()).toEqual([pub.id, internal.id, catalog.id].sort());

    expect((await kb().read(customer, { id: pub.id })).title).toBe('Zebrafish public guide');
    expect((await kb().read(customer, { id: catalog.id })).special).toBe('catalog');
    await expect(kb().read(customer, { id: internal.id })).rejects.toThrow(
      new NotFoundError(`There is no article ${internal.id}.`),
    );
    expect((await kb().read(supporter, { id: internal.id })).title).toBe('Zebrafish internal notes');

    const listed = (await kb().list(customer)).map((a) => a.id);
    expect(listed).toEqual(expect.arrayContaining([pub.id, catalog.id]));
    expect(listed).not.toContain(internal.id);
  });

  test('an archived article is kept for staff but gone from search, from customers and from editing', async () => {
    const article = await kb().create(supporter, {
      title: 'Fax machine manual',
      body: 'Dial nine for an outside line.',
      visibility: 'public',
    });
    expect(await kb().search(customer, { words: 'fax machine' })).toHaveLength(1);

    const archived = await kb().archive(supporter, { id: article.id });
    expect(archived.archivedAt).toEqual(ctx().clock.now());

    expect(await kb().search(customer, { words: 'fax machine' })).toEqual([]);
    expect(await kb().search(supporter, { words: 'fax machine' })).toEqual([]);
    expect((await kb().list(supporter, { limit: 50 })).map((a) => a.id)).not.toContain(article.id);
    await expect(kb().read(customer, { id: article.id })).rejects.toThrow(
      new NotFoundError(`There is no article ${article.id}.`),
    );
    const staffRead = await kb().read(supporter, { id: article.id });
    expect(staffRead).toMatchObject({ body: 'Dial nine for an outside line.', archivedAt: archived.archivedAt });

    const revisions = await count('article_revision');
    await expect(kb().edit(supporter, { id: article.id, title: 'Fax v2' })).rejects.toThrow(ConflictError);
    await expect(kb().archive(supporter, { id: article.id })).rejects.toThrow(ConflictError);
    await expect(kb().markSpecial(ADMIN, { id: article.id, special: 'catalog' })).rejects.toThrow(ConflictError);
    expect(await count('article_revision')).toBe(revisions);
    expect((await kb().read(supporter, { id: article.id })).special).toBeNull();
  });

  test('Danish search finds "Printeren virker ikke" by "printer virker" and by "printeren"', async () => {
    const article = await kb().create(supporter, {
      title: 'Printeren virker ikke',
      body: 'Hvis printeren på første sal ikke udskriver, så sluk den og tænd den igen.',
      visibility: 'public',
    });
    for (const words of ['printer virker', 'printeren', 'udskriver']) {
      const hits = await kb().search(customer, { words });
      expect(hits.map((h) => h.id)).toContain(article.id);
    }
    const [hit] = (await kb().search(customer, { words: 'udskriver' })).filter((h) => h.id === article.id);
    expect(hit.snippet).toContain('udskriver');
    expect(hit.rank).toBeGreaterThan(0);
  });

  test('English search finds "Resetting your password" by "password reset", ranking the title match first', async () => {
    const title = await kb().create(supporter, {
      title: 'Resetting your password',
      body: 'Open the self-service page and follow the steps.',
      visibility: 'public',
    });
    const mention = await kb().create(supporter, {
      title: 'Account basics',
      body: 'Accounts have a password; a reset is possible on the self-service page.',
      visibility: 'public',
    });
    const hits = await kb().search(customer, { words: 'password reset' });
    expect(hits.map((h) => h.id)).toEqual([title.id, mention.id]);
    expect(hits[1].snippet).toContain('password');
    expect(hits[0].snippet.length).toBeLessThanOrEqual(200);
  });

  test('search returns at most ten hits, and nothing for words no article has', async () => {
    for (let i = 0; i < 12; i++) {
      await kb().create(supporter, { title: `Quokka note ${i}`, body: 'About the quokka.', visibility: 'public' });
    }
    expect(await kb().search(customer, { words: 'quokka' })).toHaveLength(10);
    expect(await kb().search(customer, { words: 'xylophonist' })).toEqual([]);
  });

  test('marking a new catalog article moves the mark off the previous one, and only an admin may mark', async () => {
    const first = await kb().create(supporter, { title: 'Old catalog', body: 'Printers, laptops.' });
    const second = await kb().create(supporter, { title: 'New catalog', body: 'Printers, laptops, phones.' });

    await expect(kb().markSpecial(supporter, { id: first.id, special: 'catalog' })).rejects.toThrow(ForbiddenError);
    await expect(kb().markSpecial(customer, { id: first.id, special: 'catalog' })).rejects.toThrow(ForbiddenError);
    expect((await kb().read(supporter, { id: first.id })).special).toBeNull();

    expect((await kb().markSpecial(ADMIN, { id: first.id, special: 'catalog' })).special).toBe('catalog');
    expect((await kb().markSpecial(ADMIN, { id: second.id, special: 'catalog' })).special).toBe('catalog');
    expect((await kb().read(supporter, { id: first.id })).special).toBeNull();
    const [{ n }] = await ctx().dataSource.query(`SELECT count(*)::int AS n FROM article WHERE special = 'catalog'`);
    expect(n).toBe(1);

    // The catalog must stay readable: it can't be archived while it carries the mark.
    await expect(kb().archive(supporter, { id: second.id })).rejects.toThrow(ConflictError);
  });

  test('bad input is a clear error and changes nothing', async () => {
    const article = await kb().create(supporter, { title: 'Monitor flicker', body: 'Check the cable.' });
    const [articles, revisions] = [await count('article'), await count('article_revision')];

    await expect(kb().create(supporter, { title: '   ', body: 'Text' })).rejects.toThrow(
      new InvalidInputError([{ field: 'title', problem: "The title can't be empty" }]),
    );
    await expect(kb().create(supporter, { title: 'A', body: 'B', visibility: 'secret' })).rejects.toThrow(
      InvalidInputError,
    );
    await expect(kb().edit(supporter, { id: article.id, body: '' })).rejects.toThrow(InvalidInputError);
    await expect(kb().edit(supporter, { id: 'twelve', title: 'X' })).rejects.toThrow(InvalidInputError);
    await expect(kb().search(customer, { words: '' })).rejects.toThrow(InvalidInputError);
    await expect(kb().markSpecial(ADMIN, { id: article.id, special: 'faq' })).rejects.toThrow(InvalidInputError);

    const missing = new NotFoundError('There is no article 999999.');
    await expect(kb().edit(supporter, { id: 999999, title: 'X' })).rejects.toThrow(missing);
    await expect(kb().read(customer, { id: 999999 })).rejects.toThrow(missing);
    await expect(kb().archive(supporter, { id: 999999 })).rejects.toThrow(missing);
    await expect(kb().markSpecial(ADMIN, { id: 999999, special: 'catalog' })).rejects.toThrow(missing);

    expect([await count('article'), await count('article_revision')]).toEqual([articles, revisions]);
    expect((await kb().read(supporter, { id: article.id })).body).toBe('Check the cable.');
  });
});
