/* Border Pro field app service worker: keeps the field screens for offline use. */
"use strict";
const CACHE = "{{ cache }}";
const SHELL = {{ shell|safe }};
self.addEventListener("install", (event) => {
  // one request at a time: gentle on a weak connection (and on the server)
  event.waitUntil(caches.open(CACHE).then((cache) => SHELL.reduce(
    (chain, url) => chain.then(() => cache.add(url)), Promise.resolve()
  )).then(() => self.skipWaiting()));
});
self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(
    keys.filter((k) => k.startsWith("bp-field-") && k !== CACHE).map((k) => caches.delete(k))
  )).then(() => self.clients.claim()));
});
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") { return; }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) { return; }
  const isShell = SHELL.includes(url.pathname);
  if (!isShell) { return; }
  // network first, so screens stay current; the cached copy when there is no network
  event.respondWith(
    fetch(request).then((response) => {
      if (response.ok && !response.redirected) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(url.pathname, copy));
      }
      return response;
    }).catch(() => caches.match(url.pathname))
  );
});
