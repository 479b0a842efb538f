import type { MembershipCipher } from './cipher.js';

/** The honeypot's name in the request: a field people never see, which form-filling bots fill. */
export const HONEYPOT_FIELD = 'website';

/** `ft_<issued ms>.<signature>`: when the form was issued, signed, so a bot cannot claim an earlier time. */
export function issueFormToken(cipher: MembershipCipher, issuedAt: number): string {
  const body = `ft_${issuedAt}`;
  return `${body}.${cipher.sign(body)}`;
}

/**
 * Whether a submission looks made by a person: the honeypot empty, and a form token issued at least
 * `minFillMs` before. No maximum age: a person may leave the tab open overnight, and a bot gains nothing
 * from an old token that it could not get from a fresh one by waiting a few seconds.
 */
export function looksHuman(
  cipher: MembershipCipher,
  submission: { website?: string | undefined; form_token?: string | undefined },
  now: number,
  minFillMs: number,
): boolean {
  if (submission.website !== undefined && submission.website.trim() !== '') return false;
  const match = /^(ft_(\d{1,15}))\.([A-Za-z0-9_-]{43})$/.exec(submission.form_token ?? '');
  if (!match || !cipher.verify(match[1]!, match[3]!)) return false;
  return now - Number(match[2]) >= minFillMs;
}
