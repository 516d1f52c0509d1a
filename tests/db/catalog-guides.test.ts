import { HOUR } from '../../src/core/clock';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../src/core/errors';
import { describeEachDatabase } from '../helpers/database';
import { ADMIN, discord, staffUp } from '../helpers/people';
import { storedState } from '../helpers/snapshot';

describeEachDatabase('service catalog and creation guides', (ctx) => {
  const carl = discord('carl');
  const dora = discord('dora');
  const tina = discord('tina');
  let printing: number;
  let phones: number;

  beforeAll(async () => {
    await staffUp(ctx().helpdesk, { tina: '1', sara: '2' });
    const { catalog, knowledge } = ctx().helpdesk;
    printing = (
      await catalog.add(ADMIN, {
        name: 'Printing',
        description: 'Office printers and the print server',
        owningTier: 2,
        checks: ['Is the printer switched on?', 'Is there paper in the tray?'],
        questions: ['Which printer (the label on its front)?'],
      })
    ).id;
    phones = (await catalog.add(ADMIN, { name: 'Private phones', covered: false })).id;
    await knowledge.create(tina, {
      title: 'Clearing a paper jam',
      body: 'Open the front door of the printer, pull the jammed paper out slowly.',
      visibility: 'public',
    });
    await knowledge.create(tina, {
      title: 'Staff-only printer admin',
      body: 'Restart the print server spooler when the printer queue hangs.',
    });
  });

  test('admins keep the catalog; the catalog article is written from it and refuses hand edits', async () => {
    const { catalog, knowledge } = ctx().helpdesk;
    await expect(catalog.add(tina, { name: 'Mail' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(catalog.add(ADMIN, { name: 'printing' })).rejects.toThrow('already has a service called');
    await expect(catalog.add(ADMIN, { name: 'Mail', owningTier: 4 })).rejects.toBeInstanceOf(InvalidInputError);
    expect(catalog.snapshot().map((s) => s.name)).toEqual(['Printing', 'Private phones']);
    const [article] = await ctx().dataSource.query(
      `SELECT id, body, visibility FROM article WHERE special = 'catalog'`,
    );
    expect(article.visibility).toBe('public');
    expect(article.body).toContain('- Printing: Office printers and the print server');
    expect(article.body).toContain('Not covered by the helpdesk\n- Private phones');
    await expect(knowledge.edit(ADMIN, { id: article.id, body: 'Everything!' })).rejects.toThrow('/helpdesk catalog');
    await catalog.edit(ADMIN, { id: phones, description: 'Your own mobile' });
    const [again] = await ctx().dataSource.query(`SELECT body FROM article WHERE special = 'catalog'`);
    expect(again.body).toContain('- Private phones: Your own mobile');
  });

  test('the SLA and catalog articles exist in English and Danish; /kb read gives each reader their own language', async () => {
    const { knowledge, languages } = ctx().helpdesk;
    const dansker = discord('dansker');
    await languages.set(dansker, { language: 'da' });
    const [catalogArticle] = await ctx().dataSource.query(`SELECT id FROM article WHERE special = 'catalog'`);
    const english = await knowledge.read(carl, { id: catalogArticle.id });
    expect(english.title).toBe('Service catalog');
    const danish = await knowledge.read(dansker, { id: catalogArticle.id });
    expect(danish.title).toBe('Tjenestekatalog');
    expect(danish.body).toContain('Ikke dækket af helpdesken\n- Private phones');
    expect(danish.body).toContain('- Printing: Office printers and the print server');
    // A Discord client set to Danish reads it in Danish before any choice of their own.
    const byLocale = await knowledge.read({ ...discord('anders'), locale: 'da' }, { id: catalogArticle.id });
    expect(byLocale.title).toBe('Tjenestekatalog');

    await ctx().helpdesk.sla.publishArticle();
    const [sla] = await ctx().dataSource.query(`SELECT id FROM article WHERE special = 'sla'`);
    const slaDanish = await knowledge.read(dansker, { id: sla.id });
    expect(slaDanish.title).toBe('Serviceniveauaftale (SLA)');
    expect(slaDanish.body).toMatch(/^- P1 kritisk: første svar inden for \d+ (t|min|d)/m);
    expect((await knowledge.read(carl, { id: sla.id })).body).toMatch(
      /^- P1 critical: first response within \d+[hmd]/m,
    );
  });

  test('a guide offers matching public articles; "This solved it" opens no ticket and counts a deflection', async () => {
    const { guides } = ctx().helpdesk;
    const tickets = async () => (await ctx().dataSource.query(`SELECT count(*)::int AS n FROM ticket`))[0].n;
    const before = await tickets();
    const result = await guides.submit(carl, {
      serviceId: printing,
      title: 'Paper jam',
      description: 'The printer says paper jam in tray 2.',
      type: 'incident',
      impact: 'individual',
      urgency: 'degraded',
      answers: [{ question: 'Which printer (the label on its front)?', answer: 'PR-3-EAST' }],
    });
    if (result.outcome !== 'suggest') throw new Error('expected suggestions');
    expect(result.draft.suggested.map((a) => a.title)).toEqual(['Clearing a paper jam']); // never the staff-only one
    await expect(
      guides.deflect(dora, { draftId: result.draft.id, articleId: result.draft.suggested[0].id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await guides.deflect(carl, { draftId: result.draft.id, articleId: result.draft.suggested[0].id });
    expect(await tickets()).toBe(before);
    await expect(guides.open(carl, { draftId: result.draft.id })).rejects.toBeInstanceOf(ConflictError);
    const stats = await ctx().helpdesk.stats.stats(ADMIN, { period: '7d' });
    expect(stats.deflections).toEqual([{ service: 'Printing', article: 'Clearing a paper jam', count: 1 }]);
  });

  test('articles are offered for what the report is about, not for the little words of either language; a form shown again has their snippets', async () => {
    const { guides } = ctx().helpdesk;
    // "the", "and", "is", "off" are English stop words but not Danish ones; articles are indexed in both languages.
    const unrelated = await guides.submit(carl, {
      serviceId: null,
      title: 'Badge reader beeps',
      description: 'It beeps twice and stays red, the light is off.',
      type: 'incident',
    });
    if (unrelated.outcome !== 'suggest') throw new Error('expected the suggest step');
    expect(unrelated.draft.suggested).toEqual([]);
    const jam = await guides.submit(carl, {
      serviceId: null,
      title: 'Paper stuck',
      description: 'The paper is jammed.',
      type: 'incident',
    });
    if (jam.outcome !== 'suggest') throw new Error('expected the suggest step');
    expect(jam.draft.suggested).toEqual([
      {
        id: expect.any(Number),
        title: 'Clearing a paper jam',
        snippet: 'Open the front door of the printer, pull the jammed paper out slowly.',
      },
    ]);
    expect((await guides.draft(carl, { draftId: jam.draft.id })).suggested).toEqual(jam.draft.suggested);
  });

  test('"Open the ticket": the answers are in it and it starts at the service\'s owning tier', async () => {
    const { guides } = ctx().helpdesk;
    const result = await guides.submit(carl, {
      serviceId: printing,
      title: 'Printer shows error E-52',
      description: 'Nothing prints from the third floor.',
      type: 'incident',
      answers: [{ question: 'Which printer (the label on its front)?', answer: 'PR-3-WEST' }],
    });
    if (result.outcome !== 'suggest') throw new Error('expected suggestions');
    const ticket = await guides.open(carl, { draftId: result.draft.id });
    expect(ticket).toMatchObject({ tier: 2, serviceId: printing });
    expect(ticket.description).toContain('Which printer (the label on its front)?\nPR-3-WEST');
    expect(ticket.assigneeId).toBe((await ctx().helpdesk.staff.whoAmI(discord('sara'))).id);
    await expect(guides.open(carl, { draftId: result.draft.id })).rejects.toThrow(
      `already opened as ticket #${ticket.number}`,
    );
  });

  test('a request for something the catalog does not cover is declined with a pointer to the catalog, and kept', async () => {
    const result = await ctx().helpdesk.guides.submit(carl, {
      serviceId: phones,
      title: 'My phone is slow',
      description: 'My own phone.',
      type: 'request',
    });
    expect(result.outcome).toBe('declined');
    if (result.outcome !== 'declined') return;
    const [catalog] = await ctx().dataSource.query(`SELECT id FROM article WHERE special = 'catalog'`);
    expect(result.message).toBe(
      `Sorry — Private phones is not something the helpdesk looks after, so no ticket was opened. See what the helpdesk covers with /kb read ${catalog.id}.`,
    );
    const [kept] = await ctx().dataSource.query(`SELECT title, outcome FROM ticket_draft WHERE id = $1`, [
      result.draftId,
    ]);
    expect(kept).toEqual({ title: 'My phone is slow', outcome: 'declined' });
  });

  test('a customer who walks away finds their form waiting for a day; a bad form stores nothing', async () => {
    const { guides } = ctx().helpdesk;
    const result = await guides.submit(dora, {
      serviceId: null,
      title: 'Monitor flickers',
      description: 'Since Monday.',
      type: 'incident',
    });
    if (result.outcome !== 'suggest') throw new Error('expected suggestions');
    ctx().clock.advance(20 * HOUR);
    expect((await guides.waiting(dora))?.id).toBe(result.draft.id);
    ctx().clock.advance(5 * HOUR);
    expect(await guides.waiting(dora)).toBeNull();
    // Still there, and still opens: nothing submitted is lost.
    expect((await guides.draft(dora, { draftId: result.draft.id })).title).toBe('Monitor flickers');
    const before = await storedState(ctx().dataSource);
    await expect(
      guides.submit(dora, { serviceId: null, title: '', description: 'x'.repeat(3001), type: 'incident' }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      guides.submit(dora, { serviceId: 99999, title: 'x', description: 'y', type: 'incident' }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await storedState(ctx().dataSource)).toEqual(before);
  });
});
