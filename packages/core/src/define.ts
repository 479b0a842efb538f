/**
 * Versions that registered each tag, shared by every copy of this module on the page (a page may load the CDN
 * bundle and an npm build side by side, each with its own module instance).
 */
const registeredVersions: Map<string, string> = ((globalThis as Record<symbol, unknown>)[
  Symbol.for('pustaka.registeredVersions')
] ??= new Map<string, string>()) as Map<string, string>;

/**
 * Registers a custom element without ever throwing because the tag is already taken.
 *
 * A page that pastes the same `<script>` twice registers the same version twice: the second call is skipped in
 * silence. A page that loads two different versions keeps the first one and warns, naming both versions, since
 * the second copy's elements will not be the code its author expected.
 *
 * @example
 * defineElement('pustaka-catalog-search', PustakaCatalogSearch, PustakaCatalogSearch.version);
 */
export function defineElement(tag: string, constructor: CustomElementConstructor, version: string): void {
  const registered = customElements.get(tag);
  if (!registered) {
    customElements.define(tag, constructor);
    registeredVersions.set(tag, version);
    return;
  }
  const registeredVersion = registeredVersions.get(tag) ?? versionOf(registered);
  if (registered === constructor || registeredVersion === version) return;
  console.warn(
    `[pustaka] <${tag}> version ${version} was not registered: version ${registeredVersion ?? '(unknown)'} ` +
      'is already registered on this page. Load only one Pustaka script.',
  );
}

function versionOf(constructor: CustomElementConstructor): string | undefined {
  const version = (constructor as { version?: unknown }).version;
  return typeof version === 'string' ? version : undefined;
}
