import type { Helpdesk } from '../../core/helpdesk';
import { InvalidInputError } from '../../core/errors';
import { authorize } from '../../core/rules/authorization';
import { isStaff } from '../../core/rules/roles';
import { parseQueueFilters } from '../../core/services/dashboard-views';
import type { Platform } from '../../core/model';
import type { Dashboard, WebRequest } from '../dashboard';
import { redirect, sendFile } from '../http';
import { majorBody, searchBody } from '../pages/other';
import { ticketBody } from '../pages/ticket';
import { errorText } from '../../core/rules/messages';
import { customerBody, queueBody, QUEUE_REFRESH_SECONDS } from '../pages/tickets';

function ticketNumber(value: string | undefined): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new InvalidInputError([{ field: 'number', problem: 'not a ticket number' }]);
  return number;
}

/** Queue, my work, a customer's tickets, the ticket page and its actions, files, search, major incidents. */
export function mountTickets(dashboard: Dashboard, helpdesk: Helpdesk): void {
  // The core's rule, on the person as they are now: the page only shows its refusal.
  const staffOnly = (request: WebRequest) => authorize(request.viewer.person, 'ticket.list_all');

  dashboard.route('GET', '/', async (request) => {
    const { viewer, say, language } = request;
    if (!isStaff(viewer.person)) {
      const list = await helpdesk.queries.list(viewer.actor);
      const own = list.sections.flatMap((s) => s.tickets);
      return request.page(200, say('dashboard.nav.myTickets'), customerBody(own, language), { current: '/' });
    }
    const filters = parseQueueFilters(request.query);
    const [rows, staff] = await Promise.all([
      helpdesk.dashboardViews.queue(viewer.actor, filters),
      helpdesk.dashboardViews.staffChoices(viewer.actor),
    ]);
    request.page(
      200,
      say('dashboard.nav.queue'),
      queueBody(rows, filters, staff, language, { action: '/', showAssignee: true }),
      {
        current: '/',
        refreshSeconds: QUEUE_REFRESH_SECONDS,
      },
    );
  });

  dashboard.route('GET', '/mine', async (request) => {
    const { viewer, say, language } = request;
    staffOnly(request);
    const filters = { ...parseQueueFilters(request.query), assignee: viewer.person.id };
    const rows = await helpdesk.dashboardViews.queue(viewer.actor, filters);
    request.page(
      200,
      say('dashboard.nav.myWork'),
      queueBody(rows, filters, [], language, { action: '/mine', showAssignee: false }),
      {
        current: '/mine',
        refreshSeconds: QUEUE_REFRESH_SECONDS,
      },
    );
  });

  const showTicket = async (request: WebRequest, number: number, status = 200, flash?: string) => {
    const { viewer, say, language, shell } = request;
    // The three reads at once: the staff list does not wait for the ticket (one round of waiting, not two).
    const [detail, extras, staff] = await Promise.all([
      helpdesk.queries.show(viewer.actor, { ticketNumber: number }),
      helpdesk.dashboardViews.ticketExtras(viewer.actor, number),
      isStaff(viewer.person) ? helpdesk.dashboardViews.staffChoices(viewer.actor) : null,
    ]);
    const title = say('dashboard.ticket.heading', { number, title: detail.ticket.title });
    request.page(status, title, ticketBody(shell, detail, extras, staff, language, flash));
  };

  dashboard.route('GET', '/ticket', async (request) => {
    const number = ticketNumber(request.query.number);
    const ok = request.query.ok;
    const flash =
      ok === 'replied'
        ? request.say('dashboard.ticket.replied')
        : ok
          ? request.say('dashboard.ticket.done')
          : undefined;
    await showTicket(request, number, 200, flash);
  });

  /** Runs a ticket action; a refusal is shown on the ticket page itself, where the person was. */
  const act = (path: string, work: (request: WebRequest, number: number) => Promise<string>) =>
    dashboard.route('POST', path, async (request) => {
      const number = ticketNumber(request.form.number);
      try {
        const ok = await work(request, number);
        redirect(request.res, `/ticket?number=${number}&ok=${ok}`);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code !== 'invalid_input' && code !== 'conflict' && code !== 'forbidden') throw error;
        await showTicket(
          request,
          number,
          code === 'forbidden' ? 403 : code === 'conflict' ? 409 : 400,
          errorText(error as Error, request.language),
        );
      }
    });

  // A web reply is a staff comment like one written in chat: stored, then delivered to the ticket's thread(s).
  act('/ticket/reply', async ({ viewer, form }, number) => {
    await helpdesk.comments.comment(viewer.actor, { ticketNumber: number, body: form.body ?? '' });
    return 'replied';
  });
  act('/ticket/note', async ({ viewer, form }, number) => {
    await helpdesk.comments.note(viewer.actor, { ticketNumber: number, body: form.body ?? '' });
    return 'noted';
  });
  act('/ticket/action', async ({ viewer, form }, number) => {
    const actor = viewer.actor;
    const ref = { ticketNumber: number };
    switch (form.action) {
      case 'claim':
        await helpdesk.tickets.claim(actor, ref);
        break;
      case 'pending':
        await helpdesk.tickets.setPending(actor, ref);
        break;
      case 'resolve':
        await helpdesk.tickets.resolve(actor, ref);
        break;
      case 'escalate':
        await helpdesk.tickets.escalate(actor, ref);
        break;
      case 'reassign': {
        const [platform, userId] = (form.to ?? '').split(':');
        await helpdesk.tickets.reassign(actor, { ...ref, to: { platform: platform as Platform, userId } });
        break;
      }
      case 'priority':
        await helpdesk.tickets.changePriority(actor, { ...ref, priority: form.priority });
        break;
      case 'type':
        await helpdesk.tickets.changeType(actor, { ...ref, type: form.type });
        break;
      default:
        throw new InvalidInputError([{ field: 'action', problem: 'not an action' }]);
    }
    return form.action;
  });

  dashboard.route('GET', '/attachment', async ({ viewer, query, res }) => {
    const id = Number(query.id);
    if (!Number.isInteger(id) || id < 1) throw new InvalidInputError([{ field: 'id', problem: 'not a file' }]);
    sendFile(res, await helpdesk.dashboardViews.attachment(viewer.actor, id));
  });

  dashboard.route('GET', '/search', async (request) => {
    const { viewer, say, language, query } = request;
    staffOnly(request);
    const words = (query.q ?? '').trim();
    const [tickets, articles] = words
      ? await Promise.all([
          helpdesk.queries.search(viewer.actor, { words }),
          helpdesk.knowledge.search(viewer.actor, { words }),
        ])
      : [null, null];
    request.page(200, say('dashboard.nav.search'), searchBody(words, tickets, articles, language), {
      current: '/search',
    });
  });

  dashboard.route('GET', '/major', async (request) => {
    const { viewer, say, language } = request;
    const incidents = await helpdesk.dashboardViews.majorIncidents(viewer.actor);
    request.page(200, say('dashboard.nav.major'), majorBody(incidents, language), { current: '/major' });
  });
}
