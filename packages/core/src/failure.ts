import { defineMessages } from './messages.js';

/**
 * Why a widget cannot show what it asked the API for, each with its own sentence: the device has no network
 * (`offline`), the device is online but the server cannot be reached (`unreachable`: down, blocked, a wrong
 * address), no answer in time (`slow`), any other failure (`error`), or a widget set up wrongly, say an `api`
 * attribute that is not a URL (`setup`, which a retry cannot fix).
 */
export type Failure = 'offline' | 'unreachable' | 'slow' | 'error' | 'setup';

/**
 * The failure a rejection of the client stands for. The browser's own offline flag wins: a phone that lost its
 * signal gets the offline sentence whatever the request died of. A network error while the browser says it is
 * online is the server's side (`unreachable`): telling that visitor to check their connection would send them
 * after the wrong problem.
 *
 * @example
 * catch (error) { if (!signal.aborted) this.failure = failureOf(error); }
 */
export function failureOf(error: unknown): Failure {
  if (navigator.onLine === false) return 'offline';
  const { kind, name } = (error ?? {}) as { kind?: unknown; name?: unknown };
  if (name === 'PustakaSetupError') return 'setup';
  return kind === 'network' ? 'unreachable' : kind === 'timeout' ? 'slow' : 'error';
}

/**
 * The sentences of each failure and the retry button, in plain words, for a widget to spread into its own
 * catalogue: `defineMessages({ id: { ...failureMessages.id, ... }, en: { ...failureMessages.en, ... } })`.
 */
export const failureMessages = defineMessages({
  id: {
    offline: 'Tidak ada sambungan internet. Periksa sambungan, lalu coba lagi.',
    unreachable: 'Server perpustakaan tidak dapat dihubungi. Silakan coba lagi nanti.',
    slow: 'Server terlalu lama menjawab. Silakan coba lagi.',
    error: 'Maaf, terjadi gangguan. Silakan coba lagi.',
    setup: 'Widget ini belum diatur dengan benar: alamat API-nya tidak valid.',
    retry: 'Coba lagi',
  },
  en: {
    offline: 'No internet connection. Check your connection, then try again.',
    unreachable: 'The library server cannot be reached. Please try again later.',
    slow: 'The server took too long to answer. Please try again.',
    error: 'Sorry, something went wrong. Please try again.',
    setup: 'This widget is not set up correctly: its API address is not valid.',
    retry: 'Try again',
  },
});
