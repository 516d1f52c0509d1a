import { z } from 'zod';

/**
 * What a signed request must hold before Bolt sees it: each kind of request with the fields every
 * listener reads (who, where, which form). Anything else is a malformed request, answered 400 with
 * nothing changed, instead of failing inside a listener. Fields beyond these are left to Bolt.
 */
const id = z.string().min(1).max(200);
const user = z.object({ id }).loose();
const metadata = z
  .string()
  .max(3000)
  .refine((text) => text === '' || isJsonObject(text), { error: 'private_metadata is not a JSON object' });
const view = z.object({ id, callback_id: z.string().max(255), private_metadata: metadata.optional() }).loose();

const command = z.object({ command: z.string().startsWith('/'), user_id: id, channel_id: id }).loose();
const interaction = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('block_actions'), user, actions: z.array(z.object({ action_id: id }).loose()).min(1) })
    .loose(),
  z.object({ type: z.literal('view_submission'), user, view }).loose(),
  z.object({ type: z.literal('view_closed'), user, view }).loose(),
  z.object({ type: z.literal('shortcut'), user, callback_id: id }).loose(),
  z.object({ type: z.literal('message_action'), user, callback_id: id, channel: z.object({ id }).loose() }).loose(),
  z.object({ type: z.literal('block_suggestion'), user, action_id: id }).loose(),
]);
const event = z
  .object({
    type: z.literal('event_callback'),
    event_id: id,
    event: z
      .object({ type: id, user: id.optional(), channel: id.optional() })
      .loose()
      // A message's author and channel may be left out (bot and system messages), never null.
      .refine((e) => e.user !== null && e.channel !== null),
  })
  .loose();

export type RequestShape = { ok: true } | { ok: false; problem: string };

export function checkRequestShape(body: unknown): RequestShape {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, problem: 'not an object' };
  const b = body as Record<string, unknown>;
  const schema = 'command' in b ? command : b.type === 'event_callback' ? event : interaction;
  const result = schema.safeParse(b);
  return result.success ? { ok: true } : { ok: false, problem: result.error.issues[0]?.message ?? 'malformed' };
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
