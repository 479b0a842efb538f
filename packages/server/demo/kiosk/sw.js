/* global self, caches */
// The kiosk's service worker: the kiosk page and the CDN files it runs on are kept in a cache, so that the page
// opens again without a network once it has been loaded. Network first (a new release shows up at once), the
// cache when the network fails or takes more than 4 seconds. API calls (/v1/) are never cached: a check-in that
// cannot reach the server must fail, so the widget keeps it in its outbox.
const cacheName = 'pustaka-kiosk-v1';
const shell = ['/kiosk/', '/kiosk/kiosk.js', '/kiosk/kiosk.css', '/cdn/pustaka-visit-counter.js'];

/** The CDN file and every chunk it imports, statically or on demand (the kiosk face is a dynamic import). */
async function cacheWithImports(cache, url, seen = new Set()) {
  if (seen.has(url)) return;
  seen.add(url);
  const response = await fetch(url, { cache: 'no-cache' });
  if (!response.ok) return;
  await cache.put(url, response.clone());
  if (!url.endsWith('.js')) return;
  const code = await response.text();
  for (const [, path] of code.matchAll(/["'](\.\.?\/[^"']+\.js)["']/g)) {
    await cacheWithImports(cache, new URL(path, new URL(url, location.origin)).pathname, seen);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      for (const url of shell) await cacheWithImports(cache, url);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

async function networkFirst(request) {
  const cache = await caches.open(cacheName);
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise((_, reject) => setTimeout(() => reject(new Error('slow')), 4000)),
    ]);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== location.origin || url.pathname.startsWith('/v1/')) return;
  event.respondWith(networkFirst(event.request));
});
