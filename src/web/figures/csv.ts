import type { TicketExportRow } from '../../core/services/figures';
import { textsFor, type Language } from '../../core/texts';

/**
 * The tickets as CSV (RFC 4180: comma separated, CRLF line ends, a field quoted when it holds a
 * comma, quote or line break, its quotes doubled). A spreadsheet runs a cell starting with `=`,
 * `+`, `-` or `@` (or a tab or carriage return before one) as a formula, and ticket titles and
 * names are written by anyone: such cells are prefixed with `'`, which spreadsheets show as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, neutralised and quoted as needed. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, with its CRLF. */
export function csvLine(cells: ReadonlyArray<string | number | null>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The file's name as offered to download. */
export const TICKETS_CSV_FILENAME = 'tickets.csv';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** Text handed on at a time: lines are gathered to about this many characters rather than sent one by one. */
const CHUNK = 64 * 1024;

/**
 * The export as text chunks, made as the tickets are read (one page at a time): headers in the
 * reader's language, values as stored (codes, ISO 8601 times in UTC). It starts with a byte-order
 * mark, without which Excel reads UTF-8 (æ, ø, å) as another encoding.
 */
export async function* ticketsCsv(rows: AsyncIterable<TicketExportRow>, language: Language): AsyncGenerator<string> {
  const say = textsFor(language);
  let chunk =
    '\uFEFF' +
    csvLine([
      say('figures.csv.number'),
      say('figures.csv.type'),
      say('figures.csv.status'),
      say('figures.csv.priority'),
      say('figures.csv.tier'),
      say('figures.csv.title'),
      say('figures.csv.customer'),
      say('figures.csv.assignee'),
      say('figures.csv.platform'),
      say('figures.csv.created'),
      say('figures.csv.firstResponse'),
      say('figures.csv.resolved'),
      say('figures.csv.slaBreaches'),
      say('figures.csv.rating'),
    ]);
  for await (const row of rows) {
    chunk += csvLine(ticketCells(row));
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

const iso = (at: Date | null) => (at ? at.toISOString() : null);

export function ticketCells(row: TicketExportRow): Array<string | number | null> {
  return [
    row.number,
    row.type,
    row.status,
    row.priority,
    row.tier,
    row.title,
    row.customer,
    row.assignee,
    row.platform,
    iso(row.createdAt),
    iso(row.firstResponseAt),
    iso(row.resolvedAt),
    row.slaBreaches.join(' '),
    row.rating,
  ];
}
