// Youcheng's service worker: after one online visit the app, its data and basemaps load with no
// network. Generated at build time by scripts/build-sw.mjs from sw-template.js: PRECACHE lists
// the build's files and VERSION is a hash of their contents, so a new build (a new dataset)
// installs a new worker and replaces the cache on the next online visit.
const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `youcheng-${VERSION}`;
const RUNTIME = 'youcheng-runtime';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((path) => new Request(path, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE && k !== RUNTIME).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** Network first with a time limit (data: a new file shows as soon as it is online). */
async function networkFirst(request) {
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 4000)),
    ]);
    if (response.ok) {
      const copy = response.clone();
      caches.open(PRECACHE.includes(relative(request.url)) ? CACHE : RUNTIME).then((c) => c.put(request, copy));
    }
    return response;
  } catch (error) {
    const cached = await caches.match(request, { ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

/** Cache first (hashed app files never change under the same name). */
async function cacheFirst(request) {
  const cached = await caches.match(request, { ignoreSearch: true });
  return cached || fetch(request);
}

function relative(url) {
  const scope = new URL(self.registration.scope);
  return new URL(url).pathname.slice(scope.pathname.length) || './';
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Only the app's own files; a user's data URL on another origin goes straight to the network.
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The page itself: network first, then the cached index.html (any query string).
    event.respondWith(networkFirst(request).catch(() => caches.match('./index.html', { ignoreSearch: true })
      .then((r) => r || caches.match(new URL('./', self.registration.scope).href))));
    return;
  }
  const path = relative(request.url);
  if (path.startsWith('data/') && path.endsWith('.json')) {
    event.respondWith(networkFirst(request));
  } else if (PRECACHE.includes(path)) {
    event.respondWith(cacheFirst(request));
  }
});
