import type { Tx } from './context';

/**
 * Texts a redaction or an erasure replaces, longest first (so a text inside a longer one does not
 * break the longer one's replacement), without blanks and repeats.
 */
function ordered(olds: Array<string | null | undefined>): string[] {
  return [...new Set(olds.filter((o): o is string => typeof o === 'string' && o.trim() !== ''))].sort(
    (a, b) => b.length - a.length,
  );
}

/** How a text looks inside a JSON document (jsonb's own output escapes as JSON.stringify does). */
const asJson = (text: string) => JSON.stringify(text).slice(1, -1);

/**
 * Replaces every copy of the texts in the places that keep one beside the text's own row: the
 * tickets' events (a rating's comment, a reason), their deliveries, queued and sent (the notices
 * rendered with a title), and the drafts a ticket was opened from. Only JSON string values
 * change (jsonb_replace_texts, see the Privacy migration), never a key; rows without a copy are
 * not written.
 */
export async function replaceTextCopies(
  tx: Tx,
  scope: { ticketIds: number[]; personIds?: number[] },
  olds: Array<string | null | undefined>,
  replacement: string,
): Promise<void> {
  const texts = ordered(olds);
  if (texts.length === 0 || scope.ticketIds.length === 0) return;
  const news = texts.map(() => replacement);
  const needles = texts.map(asJson);
  const has = (column: string) =>
    `EXISTS (SELECT 1 FROM unnest($4::text[]) AS n(t) WHERE strpos(${column}::text, n.t) > 0)`;
  for (const table of ['ticket_event', 'delivery'] as const) {
    const column = table === 'delivery' ? 'payload' : 'data';
    await tx.manager.query(
      `UPDATE ${table} SET ${column} = jsonb_replace_texts(${column}, $2, $3) WHERE ticket_id = ANY($1) AND ${has(column)}`,
      [scope.ticketIds, texts, news, needles],
    );
  }
  await replaceInDrafts(tx, scope, texts, replacement);
}

/** A draft holds the text as the customer wrote it, and the ticket opened from it is where a redaction names it. */
async function replaceInDrafts(
  tx: Tx,
  scope: { ticketIds: number[]; personIds?: number[] },
  texts: string[],
  replacement: string,
): Promise<void> {
  await tx.manager.query(
    `UPDATE ticket_draft SET
       title = left(replace_texts(title, $2, $3), 100),
       description = left(replace_texts(description, $2, $3), 3000),
       answers = jsonb_replace_texts(answers, $2, $3)
     WHERE ticket_id = ANY($1) OR person_id = ANY($4)`,
    [scope.ticketIds, texts, texts.map(() => replacement), scope.personIds ?? []],
  );
}

/**
 * Takes a person's platform user ids out of every event and delivery, whatever the ticket: ids are
 * long and unique enough to replace anywhere (a name is not, and no event or delivery holds one).
 */
export async function replaceUserIdsEverywhere(tx: Tx, userIds: string[], replacement: string): Promise<void> {
  const texts = ordered(userIds);
  if (texts.length === 0) return;
  const news = texts.map(() => replacement);
  for (const [table, column] of [
    ['ticket_event', 'data'],
    ['delivery', 'payload'],
  ] as const) {
    await tx.manager.query(
      `UPDATE ${table} SET ${column} = jsonb_replace_texts(${column}, $1, $2)
       WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) AS n(t) WHERE strpos(${column}::text, n.t) > 0)`,
      [texts, news],
    );
  }
}
