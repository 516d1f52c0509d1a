import { textsFor } from '../../core/texts';

/** A modal that only says why not (a shortcut has no channel the app can surely answer in, but always a trigger). */
export function refusalView(language: string, reason: string) {
  const say = textsFor(language);
  return {
    type: 'modal' as const,
    title: { type: 'plain_text' as const, text: say('waysIn.refusedTitle') },
    close: { type: 'plain_text' as const, text: say('waysIn.cancel') },
    blocks: [{ type: 'section' as const, text: { type: 'plain_text' as const, text: reason.slice(0, 3000) } }],
  };
}
