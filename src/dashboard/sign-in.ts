// Sign-in is Telegram's (issue 14): the Mini App sends the `initData` Telegram gave it, and the
// server checks its HMAC with the bot token as Telegram specifies and refuses a stale `auth_date`
// (the @telegram-apps/init-data-node library does both; no crypto is written here). What comes
// back is only the Telegram user id and name: roles and workspace are looked up as for a command.
import { parse, sign, validate } from '@telegram-apps/init-data-node';

/** How long a Mini App session signed by Telegram is accepted: a working day. */
export const SIGN_IN_MAX_AGE_S = 12 * 60 * 60;

export type SignIn =
  | { ok: true; telegramId: number; name: string; authDate: Date }
  | { ok: false; reason: 'missing' | 'invalid' | 'stale' };

/** Reads `Authorization: tma <initData>`. */
export function initDataOf(authorization: string | undefined): string | null {
  const match = /^tma (.+)$/.exec(authorization ?? '');
  return match ? match[1]! : null;
}

export function signIn(initData: string | null, token: string, now: Date, maxAgeS = SIGN_IN_MAX_AGE_S): SignIn {
  if (!initData) return { ok: false, reason: 'missing' };
  let data;
  try {
    // The signature first, without the library's own clock: the age is judged against ours.
    validate(initData, token, { expiresIn: 0 });
    data = parse(initData);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  const user = data.user;
  if (!user) return { ok: false, reason: 'invalid' };
  const age = (now.getTime() - data.auth_date.getTime()) / 1000;
  // A little slack for a phone whose clock is ahead; a date far in the future is as bad as an old one.
  if (age > maxAgeS || age < -300) return { ok: false, reason: 'stale' };
  return { ok: true, telegramId: user.id, name: [user.first_name, user.last_name].filter(Boolean).join(' ').slice(0, 100), authDate: data.auth_date };
}

/**
 * initData as Telegram would sign it for this person now: for the sandbox, which stands in for
 * Telegram with its own token (and for tests). Never a way in without the bot's token.
 */
export function signInitData(user: { id: number; first_name: string }, token: string, authDate: Date): string {
  return sign({ user: user as never }, token, authDate);
}
