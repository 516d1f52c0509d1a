import { TicketEntity } from '../../db/entities';
import type { Person, Platform, TicketLocation } from '../model';
import { planErasureOfDirectMessages } from '../rules/notifications';
import { REDACTED_FILE } from '../schemas';
import { t, type Language } from '../texts';
import type { Tx } from './context';
import { writeDeliveries } from './history';
import { forgetThreadMember } from './ticket-bookkeeping';
import { applyChange, recordChange } from './ticket-changes';
import { forgetReport } from './look-alike';
import { reassignTicketsOf } from './staff';
import { replaceTextCopies, replaceUserIdsEverywhere } from './text-copies';
import { resolveInTx } from './tickets';

export interface ErasureResult {
  personId: number;
  /** The name the person has from now on ("Erased person 17"). */
  placeholder: string;
  /** Their tickets as customer (kept, with their numbers and figures); those it resolved. */
  ticketNumbers: number[];
  closedNumbers: number[];
  /** Comments and notes erased: everything said in their tickets, and what they wrote in others. */
  comments: number;
  files: number;
  /** Their tickets per platform: what the ticket.erased deliveries take off there. */
  ticketsOn: Record<Platform, number[]>;
  /** Comments they wrote in other people's tickets: the bot edits its copies (and deletes the originals on Discord). */
  commentsElsewhere: number;
}

/**
 * What the bot takes off a platform for one erased ticket, carried by its ticket.erased delivery
 * (the ticket itself keeps none of it once erased). The sender clears it once done.
 */
export interface ErasedPlaces {
  /** Discord: the ticket's thread and its staff thread, deleted whole. */
  threads?: string[];
  /** Messages the bot posted (Discord's queue post; Slack's card, DM thread top and copies), deleted. */
  messages?: Array<{ channel: string; id: string }>;
  /** Slack: the ticket's threads (the card's, the DM's), whose every post by the bot is deleted (notices too). */
  slackThreads?: Array<{ channel: string; id: string }>;
}

interface CommentRow {
  id: number;
  ticket_id: number;
  author_id: number | null;
  body: string;
  platform: Platform | null;
}

/**
 * Erases a person (PRODUCT.md "Privacy"), in the caller's transaction: their name and identities
 * become a placeholder; every text of their tickets (titles, descriptions, comments, internal
 * notes about them, ratings' comments, drafts, file names and files) and everything they wrote
 * elsewhere is replaced, with its copies; their staff role and link codes go; their open tickets
 * are resolved (staff are told). Tickets, numbers, scores and times stay, and the erasure row
 * says who erased whom and when, with no more than ids.
 */
export async function erasePerson(tx: Tx, actor: Person, person: Person): Promise<ErasureResult> {
  const m = tx.manager;
  const language = tx.ctx.policy.language;
  const placeholder = erasedName(language, person.id);
  const erasedText = t(language, 'stored.erased');
  const identities: Array<{ platform: Platform; platform_user_id: string; display_name: string | null }> =
    await m.query(`SELECT platform, platform_user_id, display_name FROM identity WHERE person_id = $1`, [person.id]);
  const mergedFrom: Array<{ id: number; display_name: string }> = await m.query(
    `SELECT id, display_name FROM person WHERE merged_into_id = $1`,
    [person.id],
  );
  const tickets = await m
    .createQueryBuilder(TicketEntity, 't')
    .where('t.customer_id = :id', { id: person.id })
    .orderBy('t.id')
    .setLock('pessimistic_write')
    .getMany();
  const ticketIds = tickets.map((t) => t.id);

  // Staff no more: their unresolved tickets go to others first, as on `/helpdesk staff remove`.
  await m.query(`UPDATE person SET tier = NULL, is_admin = false, away = false WHERE id = $1`, [person.id]);
  if (person.tier !== null) await reassignTicketsOf(tx, person.id, actor.id);

  const closedNumbers: number[] = [];
  for (const ticket of tickets) {
    if (ticket.status === 'resolved') continue;
    await resolveInTx(tx, ticket, actor.id, 'resolved_by_staff');
    closedNumbers.push(ticket.number);
  }
  // Nothing more is said to them: what waits to go out to their tickets and to them is dropped
  // (staff alerts stay); the erase deliveries below take off what is there.
  await m.query(
    `DELETE FROM delivery WHERE status = 'pending' AND (
       (ticket_id = ANY($1) AND kind <> 'staff.alert') OR destination = $2)`,
    [ticketIds, `person:${person.id}`],
  );

  const comments: CommentRow[] = await m.query(
    `SELECT id, ticket_id, author_id, body, platform FROM comment WHERE ticket_id = ANY($1) OR author_id = $2 ORDER BY id FOR UPDATE`,
    [ticketIds, person.id],
  );
  const commentIds = comments.map((c) => c.id);
  const elsewhere = comments.filter((c) => !ticketIds.includes(c.ticket_id));
  const olds = await erasedTexts(tx, person, tickets, commentIds);
  // Other people's tickets keep everything but what the person wrote there.
  const oldsElsewhere = await commentTexts(
    tx,
    elsewhere.map((c) => c.id),
  );
  const [{ files }] = await m.query(
    `SELECT count(*)::int AS files FROM attachment WHERE comment_id = ANY($1) AND data IS NOT NULL`,
    [commentIds],
  );
  await m.query(
    `UPDATE comment SET body = $2, redacted_at = coalesce(redacted_at, $3), redacted_by_id = coalesce(redacted_by_id, $4)
     WHERE id = ANY($1)`,
    [commentIds, erasedText, tx.now, actor.id],
  );
  await m.query(`UPDATE comment_revision SET body = $2 WHERE comment_id = ANY($1)`, [commentIds, erasedText]);
  await m.query(
    `UPDATE attachment SET data = NULL, filename = $2, source_url = NULL, skipped = 'erased' WHERE comment_id = ANY($1)`,
    [commentIds, REDACTED_FILE],
  );
  await m.query(`UPDATE rating SET comment = NULL WHERE person_id = $1 OR ticket_id = ANY($2)`, [person.id, ticketIds]);
  // A deflection is counted in the figures: its row stays, without what they wrote.
  await m.query(`DELETE FROM ticket_draft WHERE person_id = $1 AND outcome IS DISTINCT FROM 'deflected'`, [person.id]);
  await m.query(`UPDATE ticket_draft SET title = '', description = '', answers = '[]' WHERE person_id = $1`, [
    person.id,
  ]);
  await m.query(
    `DELETE FROM link_code WHERE person_id = $1 OR person_id IN (SELECT id FROM person WHERE merged_into_id = $1)`,
    [person.id],
  );

  const userIds = identities.map((i) => i.platform_user_id);
  // A name too short to be told from a word ("Al") is left where it is part of other text.
  const names = [
    person.displayName,
    ...identities.map((i) => i.display_name),
    ...mergedFrom.map((p) => p.display_name),
  ].filter((name): name is string => !!name && name.trim().length >= 4);
  await replaceTextCopies(tx, { ticketIds, personIds: [person.id] }, [...olds, ...names, ...userIds], erasedText);
  await replaceTextCopies(
    tx,
    { ticketIds: [...new Set(elsewhere.map((c) => c.ticket_id))] },
    [...oldsElsewhere, ...names, ...userIds],
    erasedText,
  );
  await replaceUserIdsEverywhere(tx, userIds, erasedText);
  await leaveThreads(tx, identities);

  // The DM question they had open names their DM and its message.
  await m.query(
    `DELETE FROM dm_question WHERE (platform, user_id) IN (SELECT platform, platform_user_id FROM identity WHERE person_id = $1)`,
    [person.id],
  );
  await m.query(`DELETE FROM identity WHERE person_id = $1`, [person.id]);
  const directMessages = planErasureOfDirectMessages(
    person.id,
    identities.map((i) => ({ platform: i.platform, userId: i.platform_user_id })),
  );
  await writeDeliveries(tx, directMessages);
  await m.query(`UPDATE person SET display_name = $2, erased_at = $3 WHERE id = $1`, [person.id, placeholder, tx.now]);
  await m.query(`UPDATE person SET display_name = $2 WHERE merged_into_id = $1`, [person.id, placeholder]);
  await m.query(`INSERT INTO erasure (person_id, erased_by_id, erased_at) VALUES ($1, $2, $3)`, [
    person.id,
    actor.id,
    tx.now,
  ]);

  for (const ticket of tickets) {
    const places = await erasedPlaces(tx, ticket);
    forgetReport(m, ticket.id);
    const eventId = await applyChange(tx, ticket, actor.id, {
      patch: { title: erasedText, description: erasedText, location: {} },
      event: { kind: 'ticket_erased', data: { closed: closedNumbers.includes(ticket.number) } },
    });
    await m.query(`UPDATE delivery SET payload = payload || $2::jsonb WHERE event_id = $1 AND kind = 'ticket.erased'`, [
      eventId,
      JSON.stringify(places),
    ]);
  }
  await m.query(`UPDATE comment SET platform_message_id = NULL WHERE ticket_id = ANY($1)`, [ticketIds]);
  await m.query(`DELETE FROM comment_post WHERE comment_id IN (SELECT id FROM comment WHERE ticket_id = ANY($1))`, [
    ticketIds,
  ]);

  // What they wrote in others' tickets comes off as an admin's redaction does: copies edited, originals deleted where a bot may.
  for (const comment of elsewhere) {
    const ticket = await m.findOneByOrFail(TicketEntity, { id: comment.ticket_id });
    const copies: Array<{ platform: Platform }> = await m.query(
      `SELECT DISTINCT platform FROM comment_post WHERE comment_id = $1`,
      [comment.id],
    );
    const platforms = [
      ...new Set([ticket.platform, ...(comment.platform ? [comment.platform] : []), ...copies.map((c) => c.platform)]),
    ];
    await recordChange(tx, ticket, actor.id, { kind: 'comment_redacted', data: { commentId: comment.id, platforms } });
  }

  return {
    personId: person.id,
    placeholder,
    ticketNumbers: tickets.map((t) => t.number),
    closedNumbers,
    comments: comments.length,
    files,
    ticketsOn: {
      discord: tickets.filter((t) => t.platform === 'discord').map((t) => t.number),
      slack: tickets.filter((t) => t.platform === 'slack').map((t) => t.number),
    },
    commentsElsewhere: elsewhere.length,
  };
}

/** Every text the erasure replaces, read before it does: their copies elsewhere are replaced too. */
async function erasedTexts(
  tx: Tx,
  person: Person,
  tickets: TicketEntity[],
  commentIds: number[],
): Promise<Array<string | null>> {
  const m = tx.manager;
  const rows: Array<{ text: string | null }> = await m.query(
    `SELECT comment AS text FROM rating WHERE person_id = $1 OR ticket_id = ANY($2)
     UNION ALL SELECT title FROM ticket_draft WHERE person_id = $1
     UNION ALL SELECT description FROM ticket_draft WHERE person_id = $1
     UNION ALL SELECT a.value->>'answer' FROM ticket_draft d, jsonb_array_elements(d.answers) a WHERE d.person_id = $1`,
    [person.id, tickets.map((t) => t.id)],
  );
  return [
    ...tickets.flatMap((t) => [t.title, t.description]),
    ...(await commentTexts(tx, commentIds)),
    ...rows.map((r) => r.text),
  ];
}

/** What comments said: their bodies, earlier versions, and their files' names and sources. */
async function commentTexts(tx: Tx, commentIds: number[]): Promise<Array<string | null>> {
  const rows: Array<{ text: string | null }> = await tx.manager.query(
    `SELECT body AS text FROM comment WHERE id = ANY($1)
     UNION ALL SELECT body FROM comment_revision WHERE comment_id = ANY($1)
     UNION ALL SELECT filename FROM attachment WHERE comment_id = ANY($1)
     UNION ALL SELECT source_url FROM attachment WHERE comment_id = ANY($1)`,
    [commentIds],
  );
  return rows.map((r) => r.text);
}

/** What the bot posted for a ticket, to take off its platform (see ErasedPlaces). */
async function erasedPlaces(tx: Tx, ticket: TicketEntity): Promise<ErasedPlaces> {
  const place: TicketLocation = ticket.location ?? {};
  if (ticket.platform === 'discord') {
    return {
      threads: [place.discordThreadId, place.discordStaffThreadId].filter((id): id is string => !!id),
      messages: place.discordQueueMessageId ? [{ channel: 'staff', id: place.discordQueueMessageId }] : [],
    };
  }
  const copies: Array<{ channel_id: string; message_id: string }> = await tx.manager.query(
    `SELECT p.channel_id, p.message_id FROM comment_post p JOIN comment c ON c.id = p.comment_id
     WHERE c.ticket_id = $1 AND p.platform = 'slack' ORDER BY p.id`,
    [ticket.id],
  );
  const messages: ErasedPlaces['messages'] = copies.map((c) => ({
    channel: c.channel_id,
    id: c.message_id.slice(c.message_id.indexOf(':') + 1),
  }));
  const slackThreads: NonNullable<ErasedPlaces['slackThreads']> = [];
  if (place.slackChannel && place.slackCardTs)
    slackThreads.push({ channel: place.slackChannel, id: place.slackCardTs });
  if (place.slackDmChannel && place.slackDmThreadTs)
    slackThreads.push({ channel: place.slackDmChannel, id: place.slackDmThreadTs });
  // The thread tops last: a thread is read through its top.
  return { messages, slackThreads };
}

/** Tickets they were a member of the thread of (as staff) forget their Discord id. */
async function leaveThreads(
  tx: Tx,
  identities: Array<{ platform: Platform; platform_user_id: string }>,
): Promise<void> {
  for (const identity of identities.filter((i) => i.platform === 'discord')) {
    await forgetThreadMember(tx.manager, identity.platform_user_id);
  }
}

/** The name an erased person is left with: stored once, in the helpdesk's language, and read as stored. */
export const erasedName = (language: Language, personId: number) =>
  t(language, 'stored.erasedPerson', { id: personId });
