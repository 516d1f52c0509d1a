import type { Priority, TicketStatus } from '../core/model';
import { textsFor, type Language, type TextKey } from '../core/texts';
import { html, type SafeHtml } from './layout';

// Made once per language: building an Intl.DateTimeFormat costs ~0.1–0.3 ms, and the queue prints 200 times.
const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** A time as people read it in their language; UTC, and said so, as the browser's zone is not known to the server. */
export function formatTime(date: Date | null | undefined, language: Language): string {
  if (!date) return '—';
  const locale = language === 'da' ? 'da-DK' : 'en-GB';
  let format = timeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    timeFormats.set(locale, format);
  }
  return `${format.format(date)} UTC`;
}

/** A <time> element: readable text, machine-readable value. */
export function timeTag(date: Date | null | undefined, language: Language): SafeHtml {
  if (!date) return html`—`;
  return html`<time datetime="${date.toISOString()}">${formatTime(date, language)}</time>`;
}

/** A status as a word in a badge (the word carries the meaning, the colour only repeats it). */
export function statusBadge(status: TicketStatus, language: Language): SafeHtml {
  const say = textsFor(language);
  return html`<span class="badge status-${status}">${say(`dashboard.status.${status}` as TextKey)}</span>`;
}

export function priorityBadge(priority: Priority): SafeHtml {
  return html`<span class="badge priority-${priority.toLowerCase()}">${priority}</span>`;
}

/** A query string from the values that are set. */
export function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
