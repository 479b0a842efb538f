/**
 * What the visitor typed, kept in the page's session (`sessionStorage`) so that nothing is lost to an error, a
 * timeout, a refusal or a reload. Never `localStorage`: a form of personal data (NIK, birth date, address) must
 * not outlive the tab on a shared school or library computer. Cleared once the registration is received.
 */
export interface Draft {
  /** Field values by the request's field path (`address.street`); checkboxes as `'granted'` or `''`. */
  values: Record<string, string>;
  /** The anti-spam token of the first load: the server's minimum fill time counts from when it was issued. */
  formToken?: string | undefined;
  /** The `Idempotency-Key` of the last submission and the body it was sent with (see `keyFor`). */
  sent?: { key: string; body: string } | undefined;
  /** The NIK mismatch the visitor confirmed, so that the same one is not asked again. */
  confirmedMismatch?: string | undefined;
  /** After success: the reference only, so that a reload shows the slip again. */
  reference?: string | undefined;
}

const prefix = 'pustaka-membership-form:';

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined; // storage blocked (a sandboxed iframe, strict privacy settings): the form still works
  }
}

/** The draft of the form whose scope is `scope` (the library), or a fresh one. */
export function loadDraft(scope: string): Draft {
  try {
    const saved = JSON.parse(storage()?.getItem(prefix + scope) ?? 'null') as Draft | null;
    if (saved && typeof saved.values === 'object') return saved;
  } catch {
    // a damaged entry is a fresh start
  }
  return { values: {} };
}

export function saveDraft(scope: string, draft: Draft): void {
  try {
    storage()?.setItem(prefix + scope, JSON.stringify(draft));
  } catch {
    // quota or blocked storage: the form goes on without a copy
  }
}

export function clearDraft(scope: string): void {
  storage()?.removeItem(prefix + scope);
}

/**
 * The `Idempotency-Key` for sending `body`: the same key as the last submission when the body is the same (a
 * double click, a retry after a timeout: the server registers once), a new one when something was corrected
 * (the server would refuse the old key with another body).
 */
export function keyFor(draft: Draft, body: string): string {
  if (draft.sent?.body !== body) draft.sent = { key: crypto.randomUUID(), body };
  return draft.sent.key;
}
