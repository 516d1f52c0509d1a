/** How long a sign-in link from `/helpdesk dashboard` may be used (once). */
export const SIGN_IN_MINUTES = 10;

export type SignInRefusal = 'unknown' | 'used' | 'expired';

/** Why a sign-in link is refused, or null when it may start a session now. */
export function signInRefusal(
  link: { expiresAt: Date; usedAt: Date | null } | null | undefined,
  now: Date,
): SignInRefusal | null {
  if (!link) return 'unknown';
  if (link.usedAt) return 'used';
  if (now.getTime() >= link.expiresAt.getTime()) return 'expired';
  return null;
}

/** A session is good until it expires or is signed out, and only while its person is still a person (not forgotten). */
export function sessionIsLive(
  session: { expiresAt: Date; endedAt: Date | null },
  person: { erasedAt: Date | null } | null | undefined,
  now: Date,
): boolean {
  if (!person || person.erasedAt) return false;
  if (session.endedAt) return false;
  return now.getTime() < session.expiresAt.getTime();
}

export function signInExpiry(now: Date): Date {
  return new Date(now.getTime() + SIGN_IN_MINUTES * 60_000);
}

export function sessionExpiry(now: Date, hours: number): Date {
  return new Date(now.getTime() + hours * 3_600_000);
}
