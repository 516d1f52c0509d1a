import { PRIORITIES, TICKET_TYPES } from '../../core/model';
import type { StaffChoice, TicketExtras } from '../../core/services/dashboard-views';
import type { TicketDetail } from '../../core/services/ticket-queries';
import { textsFor, type Language, type TextKey } from '../../core/texts';
import { priorityBadge, statusBadge, timeTag } from '../format';
import { csrfField, html, trusted, type SafeHtml, type Viewer } from '../layout';

const EVENT_KINDS = new Set([
  'opened',
  'assigned',
  'waiting',
  'commented',
  'noted',
  'status_changed',
  'type_changed',
  'priority_changed',
  'escalated',
  'follow_up_opened',
  'reminded',
  'comment_edited',
  'comment_deleted',
  'comment_redacted',
  'ticket_redacted',
  'ticket_erased',
  'sla_warning',
  'sla_breached',
  'rated',
  'major_proposed',
  'major_declared',
  'linked',
  'unlinked',
]);

/** One history line: what happened, in the reader's language, with the values the event recorded. */
function eventText(kind: string, data: Record<string, unknown>, extras: TicketExtras, language: Language): string {
  const say = textsFor(language);
  const word = (prefix: string, value: unknown) =>
    typeof value === 'string' && /^[a-z_]+$/.test(value)
      ? say(`dashboard.${prefix}.${value}` as TextKey)
      : String(value ?? '');
  const params: Record<string, string | number> = {};
  if (kind === 'status_changed')
    Object.assign(params, { from: word('status', data.from), to: word('status', data.to) });
  else if (kind === 'type_changed') Object.assign(params, { from: word('type', data.from), to: word('type', data.to) });
  else if (kind === 'priority_changed') Object.assign(params, { from: String(data.from), to: String(data.to) });
  else if (kind === 'escalated') Object.assign(params, { from: String(data.fromTier), to: String(data.toTier) });
  else if (kind === 'follow_up_opened') params.number = String(data.followUpNumber);
  else if (kind === 'assigned')
    params.assignee =
      typeof data.assigneeId === 'number' ? (extras.names[data.assigneeId] ?? `#${data.assigneeId}`) : '—';
  const text = EVENT_KINDS.has(kind)
    ? say(`dashboard.events.${kind}` as TextKey, params)
    : say('dashboard.events.other', { kind });
  const ended =
    kind === 'status_changed' && typeof data.resolution === 'string' ? ` (${word('resolution', data.resolution)})` : '';
  return text + ended;
}

function field(label: string, value: SafeHtml | string | number): SafeHtml {
  return html`<div>
    <dt>${label}</dt>
    <dd>${value}</dd>
  </div>`;
}

function card(detail: TicketDetail, extras: TicketExtras, language: Language): SafeHtml {
  const say = textsFor(language);
  const t = detail.ticket;
  return html`<section aria-labelledby="card-h">
    <h2 id="card-h">${say('dashboard.ticket.card')}</h2>
    <dl class="card">
      ${field(say('dashboard.fields.status'), statusBadge(t.status, language))}
      ${t.resolution ? field(say('dashboard.fields.resolution'), say(`dashboard.resolution.${t.resolution}`)) : ''}
      ${field(say('dashboard.fields.priority'), priorityBadge(t.priority))}
      ${field(say('dashboard.fields.type'), say(`dashboard.type.${t.type}`))}
      ${field(say('dashboard.fields.tier'), say('dashboard.tierLabel', { tier: t.tier }))}
      ${field(say('dashboard.fields.assignee'), detail.assignee?.displayName || say('dashboard.fields.nobody'))}
      ${field(say('dashboard.fields.customer'), detail.customer.displayName || `#${detail.customer.id}`)}
      ${field(say('dashboard.fields.platform'), say(`dashboard.platform.${t.platform}`))}
      ${field(say('dashboard.fields.opened'), timeTag(t.createdAt, language))}
      ${t.status !== 'resolved' ? field(say('dashboard.fields.due'), timeTag(t.firstResponseDueAt ?? t.resolutionDueAt, language)) : ''}
      ${field(say('dashboard.ticket.rating'), extras.rating ? html`${say('dashboard.ticket.ratingValue', { score: extras.rating.score })}${extras.rating.comment ? html` — ${extras.rating.comment}` : ''}` : say('dashboard.ticket.noRating'))}
      ${extras.parent ? field(say('dashboard.ticket.parent'), html`<a href="/ticket?number=${extras.parent.number}">#${extras.parent.number} ${extras.parent.title}</a>`) : ''}
      ${extras.followUpOf ? field(say('dashboard.ticket.followUpOf'), html`<a href="/ticket?number=${extras.followUpOf}">#${extras.followUpOf}</a>`) : ''}
    </dl>
    <h3>${say('dashboard.fields.description')}</h3>
    <p class="text">${t.description}</p>
    ${
      extras.joined.length
        ? html`<h3>${say('dashboard.ticket.joined')}</h3>
            <ul>
              ${extras.joined.map((j) => html`<li><a href="/ticket?number=${j.number}">#${j.number} ${j.title}</a> ${statusBadge(j.status, language)}</li>`)}
            </ul>`
        : ''
    }
  </section>`;
}

function conversation(detail: TicketDetail, extras: TicketExtras, language: Language): SafeHtml {
  const say = textsFor(language);
  const items = detail.comments.map((c) => {
    const files = extras.attachments.filter((a) => a.commentId === c.id);
    const marks = [
      c.editedAt && say('dashboard.ticket.edited'),
      c.deletedAt && say('dashboard.ticket.deleted'),
      c.redactedAt && say('dashboard.ticket.redacted'),
    ].filter(Boolean);
    return html`<li class="comment${c.kind === 'internal' ? ' internal' : ''}">
      <p class="meta">
        <strong>${c.author === 'helpdesk' ? say('dashboard.ticket.system') : c.author}</strong> ·
        ${timeTag(c.createdAt, language)}${c.kind === 'internal' ? html` · <span class="badge internal-mark">${say('dashboard.ticket.internalNote')}</span>` : ''}${marks.length ? html` · <em>${marks.join(', ')}</em>` : ''}
      </p>
      <p class="text">${c.body}</p>
      ${
        files.length
          ? html`<ul class="files" aria-label="${say('dashboard.ticket.attachments')}">
              ${files.map((f) => (f.kept ? html`<li><a href="/attachment?id=${f.id}" download>${f.filename}</a></li>` : html`<li>${say('dashboard.ticket.notKept', { name: f.filename })}</li>`))}
            </ul>`
          : ''
      }
    </li>`;
  });
  return html`<section aria-labelledby="conv-h">
    <h2 id="conv-h">${say('dashboard.ticket.conversation')}</h2>
    ${
      items.length
        ? html`<ol class="conversation">
            ${items}
          </ol>`
        : html`<p class="empty">${say('dashboard.ticket.noComments')}</p>`
    }
  </section>`;
}

function history(detail: TicketDetail, extras: TicketExtras, language: Language): SafeHtml {
  const say = textsFor(language);
  return html`<section aria-labelledby="hist-h">
    <h2 id="hist-h">${say('dashboard.ticket.history')}</h2>
    <ol class="history">
      ${detail.history.map(
        (e) =>
          html`<li>
            ${timeTag(e.createdAt, language)} ·
            <strong
              >${e.actorId ? (extras.names[e.actorId] ?? `#${e.actorId}`) : say('dashboard.ticket.system')}</strong
            >
            ${eventText(e.kind, e.data, extras, language)}
          </li>`,
      )}
    </ol>
  </section>`;
}

function actionButton(viewer: Viewer, number: number, action: string, label: string): SafeHtml {
  return html`<form method="post" action="/ticket/action" class="inline">
    ${csrfField(viewer)}<input type="hidden" name="number" value="${number}" /><input
      type="hidden"
      name="action"
      value="${action}"
    /><button type="submit">${label}</button>
  </form>`;
}

/** A ticket action that takes one choice (reassign to, priority, type): a labelled select and its button. */
function choiceForm(
  viewer: Viewer,
  number: number,
  action: string,
  name: string,
  label: string,
  button: string,
  options: Array<{ value: string; label: string; selected: boolean }>,
): SafeHtml {
  return html`<form method="post" action="/ticket/action" class="row">
    ${csrfField(viewer)}<input type="hidden" name="number" value="${number}" /><input
      type="hidden"
      name="action"
      value="${action}"
    />
    <label
      >${label}
      <select name="${name}">
        ${options.map((o) => html`<option value="${o.value}" ${o.selected ? trusted(' selected') : ''}>${o.label}</option>`)}
      </select></label
    >
    <button type="submit">${button}</button>
  </form>`;
}

function actions(viewer: Viewer, detail: TicketDetail, staff: StaffChoice[], language: Language): SafeHtml {
  const say = textsFor(language);
  const t = detail.ticket;
  const n = t.number;
  const choices = staff.flatMap((s) =>
    s.identities
      .filter((i) => i.platform === t.platform)
      .slice(0, 1)
      .map((i) => ({ value: `${i.platform}:${i.userId}`, name: s.name, tier: s.tier })),
  );
  return html`<section aria-labelledby="act-h">
    <h2 id="act-h">${say('dashboard.ticket.actions')}</h2>
    <form method="post" action="/ticket/reply" class="stack">
      ${csrfField(viewer)}<input type="hidden" name="number" value="${n}" />
      <label for="reply">${say('dashboard.ticket.reply')}</label
      ><textarea id="reply" name="body" rows="4" required maxlength="4000"></textarea>
      <button type="submit">${say('dashboard.ticket.replyButton')}</button>
    </form>
    <form method="post" action="/ticket/note" class="stack">
      ${csrfField(viewer)}<input type="hidden" name="number" value="${n}" />
      <label for="note">${say('dashboard.ticket.note')}</label
      ><textarea id="note" name="body" rows="3" required maxlength="4000"></textarea>
      <button type="submit">${say('dashboard.ticket.noteButton')}</button>
    </form>
    <div class="buttons">
      ${actionButton(viewer, n, 'claim', say('dashboard.ticket.claim'))}
      ${t.status === 'open' ? actionButton(viewer, n, 'pending', say('dashboard.ticket.pending')) : ''}
      ${t.status !== 'resolved' ? actionButton(viewer, n, 'resolve', say('dashboard.ticket.resolve')) : ''}
      ${t.tier < 3 ? actionButton(viewer, n, 'escalate', say('dashboard.ticket.escalate')) : ''}
    </div>
    ${choiceForm(
      viewer,
      n,
      'reassign',
      'to',
      say('dashboard.ticket.reassign'),
      say('dashboard.ticket.reassignButton'),
      choices.map((c) => ({
        value: c.value,
        label: c.tier ? `${c.name} (${say('dashboard.tierLabel', { tier: c.tier })})` : c.name,
        selected: false,
      })),
    )}
    ${choiceForm(
      viewer,
      n,
      'priority',
      'priority',
      say('dashboard.ticket.changePriority'),
      say('dashboard.ticket.change'),
      PRIORITIES.map((p) => ({ value: p, label: p, selected: p === t.priority })),
    )}
    ${choiceForm(
      viewer,
      n,
      'type',
      'type',
      say('dashboard.ticket.changeType'),
      say('dashboard.ticket.change'),
      TICKET_TYPES.map((k) => ({ value: k, label: say(`dashboard.type.${k}`), selected: k === t.type })),
    )}
  </section>`;
}

/** The ticket page: card, conversation (internal notes marked), history; for staff the actions and reply box. */
export function ticketBody(
  viewer: Viewer,
  detail: TicketDetail,
  extras: TicketExtras,
  staff: StaffChoice[] | null,
  language: Language,
  flash?: string,
): SafeHtml {
  return html`${flash ? html`<p class="flash" role="status">${flash}</p>` : ''}
    <div class="ticket-grid">
      <div>${card(detail, extras, language)}${conversation(detail, extras, language)}</div>
      <div>${staff ? actions(viewer, detail, staff, language) : ''}${history(detail, extras, language)}</div>
    </div>`;
}
