/**
 * The origin that served this script, captured once at load: the CDN bundle served by a Pustaka server talks to
 * that server without any configuration. `null` origins (`file:`, `data:`, blob workers) do not count.
 */
const scriptOrigin: string | undefined = originOf(import.meta.url);

function originOf(url: string): string | undefined {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * An `api` attribute that is not an http(s) URL. A `TypeError`, named so that `failureOf()` can tell it from any
 * other failure (by name, not `instanceof`: a page may hold two copies of this module) and show the `setup`
 * sentence, which offers no retry.
 */
export class PustakaSetupError extends TypeError {
  override name = 'PustakaSetupError';
}

/**
 * Where the API answers, from an element's `api` attribute: an absolute URL, or one relative to the page
 * (`/pustaka`); without it, the origin that served the script, else the page's. A trailing slash is dropped.
 *
 * @throws {PustakaSetupError} (a `TypeError`) when `api` is not an http(s) URL; widgets show that as their error state.
 */
export function resolveApiBase(api: string | null | undefined): string {
  const value = api?.trim();
  if (!value) return scriptOrigin ?? location.origin;
  let url: URL;
  try {
    url = new URL(value, document.baseURI);
  } catch {
    throw new PustakaSetupError(`The api attribute "${value}" is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new PustakaSetupError(`The api attribute "${value}" is not an http(s) URL.`);
  }
  url.search = '';
  url.hash = '';
  return url.href.replace(/\/+$/, '');
}
