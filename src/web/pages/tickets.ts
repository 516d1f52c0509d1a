import { PLATFORMS, PRIORITIES, TIERS } from '../../core/model';
import type { QueueFilters, QueueRow, StaffChoice } from '../../core/services/dashboard-views';
import type { TicketSummary } from '../../core/services/ticket-queries';
import { textsFor, type Language, type TextKey } from '../../core/texts';
import { priorityBadge, statusBadge, timeTag } from '../format';
import { html, trusted, type SafeHtml } from '../layout';

export const QUEUE_REFRESH_SECONDS = 30;

type Row = Pick<
  QueueRow,
  'number' | 'title' | 'status' | 'priority' | 'tier' | 'platform' | 'assignee' | 'customer' | 'createdAt' | 'dueAt'
>;

/** A table of tickets; on a phone its cells stack (see the stylesheet), each labelled by its column. */
export function ticketTable(rows: Row[], language: Language, options: { staff: boolean; caption: string }): SafeHtml {
  const say = textsFor(language);
  if (rows.length === 0) return html`<p class="empty">${say('dashboard.queue.empty')}</p>`;
  // Each cell names its column (a phone shows the name beside the value); the names escaped once, not per row.
  const labels = new Map<TextKey, SafeHtml>();
  const cell = (label: TextKey, content: unknown) => {
    let name = labels.get(label);
    if (!name) labels.set(label, (name = html`${say(label)}`));
    return html`<td data-label="${name}">${content as SafeHtml}</td>`;
  };
  return html`<div class="table-wrap">
    <table class="tickets">
      <caption>
        ${options.caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${say('dashboard.fields.number')}</th>
          <th scope="col">${say('dashboard.fields.title')}</th>
          <th scope="col">${say('dashboard.fields.priority')}</th>
          <th scope="col">${say('dashboard.fields.status')}</th>
          ${
            options.staff
              ? html`<th scope="col">${say('dashboard.fields.due')}</th>
                  <th scope="col">${say('dashboard.fields.tier')}</th>
                  <th scope="col">${say('dashboard.fields.assignee')}</th>
                  <th scope="col">${say('dashboard.fields.customer')}</th>
                  <th scope="col">${say('dashboard.fields.platform')}</th>`
              : ''
          }
          <th scope="col">${say('dashboard.fields.opened')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) =>
            html`<tr>
              ${cell('dashboard.fields.number', html`<a href="/ticket?number=${row.number}">#${row.number}</a>`)}
              ${cell('dashboard.fields.title', html`<a href="/ticket?number=${row.number}">${row.title}</a>`)}
              ${cell('dashboard.fields.priority', priorityBadge(row.priority))}
              ${cell('dashboard.fields.status', statusBadge(row.status, language))}
              ${
                options.staff
                  ? html`${cell('dashboard.fields.due', timeTag(row.dueAt, language))}
                    ${cell('dashboard.fields.tier', row.tier)}
                    ${cell('dashboard.fields.assignee', row.assignee ?? say('dashboard.fields.nobody'))}
                    ${cell('dashboard.fields.customer', row.customer)}
                    ${cell('dashboard.fields.platform', say(`dashboard.platform.${row.platform}` as TextKey))}`
                  : ''
              }
              ${cell('dashboard.fields.opened', timeTag(row.createdAt, language))}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function select(name: string, label: string, options: Array<[string, string]>, chosen: string | undefined): SafeHtml {
  return html`<label
    >${label}
    <select name="${name}">
      ${options.map(
        ([value, text]) =>
          html`<option value="${value}" ${value === (chosen ?? '') ? trusted(' selected') : ''}>${text}</option>`,
      )}
    </select></label
  >`;
}

/** The queue: every ticket in queue order, with filters (a GET form, so a filtered queue is a link). */
export function queueBody(
  rows: QueueRow[],
  filters: QueueFilters,
  staff: StaffChoice[],
  language: Language,
  options: { action: string; showAssignee: boolean },
): SafeHtml {
  const say = textsFor(language);
  const any: [string, string] = ['', say('dashboard.queue.any')];
  const form = html`<form
    method="get"
    action="${options.action}"
    class="filters"
    aria-label="${say('dashboard.queue.filters')}"
  >
    ${select(
      'status',
      say('dashboard.fields.status'),
      [
        ['', say('dashboard.queue.unresolved')],
        ...(['open', 'pending', 'resolved'] as const).map((s): [string, string] => [s, say(`dashboard.status.${s}`)]),
        ['all', say('dashboard.queue.all')],
      ],
      filters.status,
    )}
    ${select('priority', say('dashboard.fields.priority'), [any, ...PRIORITIES.map((p): [string, string] => [p, p])], filters.priority)}
    ${select('tier', say('dashboard.fields.tier'), [any, ...TIERS.map((t): [string, string] => [String(t), say('dashboard.tierLabel', { tier: t })])], filters.tier?.toString())}
    ${
      options.showAssignee
        ? select(
            'assignee',
            say('dashboard.fields.assignee'),
            [
              any,
              ['none', say('dashboard.queue.unassigned')],
              ...staff.map((s): [string, string] => [String(s.id), s.name]),
            ],
            filters.assignee?.toString(),
          )
        : ''
    }
    ${select('platform', say('dashboard.fields.platform'), [any, ...PLATFORMS.map((p): [string, string] => [p, say(`dashboard.platform.${p}`)])], filters.platform)}
    <button type="submit">${say('dashboard.queue.apply')}</button>
  </form>`;
  return html`${form}
    <p class="note">
      ${say('dashboard.queue.refreshNote', { seconds: QUEUE_REFRESH_SECONDS })}
      ${say('dashboard.queue.shown', { count: rows.length })}
    </p>
    ${ticketTable(rows, language, { staff: true, caption: say('dashboard.queue.shown', { count: rows.length }) })}`;
}

/** A customer's start page: their own tickets, newest unresolved first. */
export function customerBody(tickets: TicketSummary[], language: Language): SafeHtml {
  const say = textsFor(language);
  if (tickets.length === 0) return html`<p class="empty">${say('dashboard.customer.empty')}</p>`;
  return ticketTable(tickets, language, { staff: false, caption: say('dashboard.nav.myTickets') });
}
