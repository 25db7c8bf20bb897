/* NET Companion's service worker. It keeps the app shell (styles, scripts, icons, the offline page) and the blank
   diary form its owner last opened, and nothing else: pages with health data always come from the network. Days
   logged without a connection wait in IndexedDB (outbox.js) and are sent through the diary's batch API. */
"use strict";
importScripts("{{ outbox }}");
{% load static %}importScripts("{% static 'reminders/push-sw.js' %}");  // reminder notifications (reminders app)

const CACHE = "netcompanion-shell-{{ version }}";
const SHELL = {{ shell|safe }};
const URLS = {{ urls|safe }};
const FORM_KEY = URLS.form;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(SHELL);
    await keepForm(cache, await fetch(URLS.form, {credentials: "same-origin"}).catch(() => null));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("netcompanion-") && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

/* The blank diary form, kept only as a signed-in patient's own answer to it (a sign-in page is not kept). */
async function keepForm(cache, response) {
  if (response && response.ok && !response.redirected && new URL(response.url).pathname === URLS.form) {
    await cache.put(FORM_KEY, response);
  }
}

/* The kept form, marked so that its script knows it is a copy (its date is then set to today). */
async function keptForm() {
  const kept = await caches.match(FORM_KEY, {cacheName: CACHE});
  if (!kept) return null;
  const html = (await kept.text()).replace('data-served="network"', 'data-served="offline-copy"');
  return new Response(html, {headers: {"Content-Type": "text/html; charset=utf-8"}});
}

async function offlinePage() {
  return (await caches.match(URLS.offline, {cacheName: CACHE})) ||
    new Response("Offline", {status: 503, headers: {"Content-Type": "text/plain; charset=utf-8"}});
}

/* A form sent just as the connection dropped: the day is kept as if logged offline, never lost. */
async function keepPostedDay(request) {
  const kept = await caches.match(FORM_KEY, {cacheName: CACHE});
  const owner = kept && (await kept.text()).match(/data-owner="([0-9a-f]+)"/);
  const values = NetOutbox.dayFromForm(await request.formData());
  if (!owner || !values.date) return offlinePage();
  await NetOutbox.keep(owner[1], values);
  await NetOutbox.askForSync(self.registration);
  return Response.redirect(URLS.form, 303);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST" && request.mode === "navigate" && url.pathname === URLS.form) {
    const copy = request.clone();
    event.respondWith(fetch(request).catch(() => keepPostedDay(copy)));
    return;
  }
  if (request.method !== "GET") return;
  if (SHELL.includes(url.pathname) || url.pathname.startsWith(URLS.static)) {
    event.respondWith((async () => {
      const kept = await caches.match(request, {cacheName: CACHE});
      if (kept) return kept;
      const response = await fetch(request);
      if (response.ok && url.pathname.startsWith(URLS.static)) {
        await (await caches.open(CACHE)).put(request, response.clone());
      }
      return response;
    })());
    return;
  }
  if (request.mode !== "navigate") return;
  if (url.pathname === URLS.form && !url.search) {
    event.respondWith(fetch(request).then(async (response) => {
      await keepForm(await caches.open(CACHE), response.clone());
      return response;
    }).catch(async () => (await keptForm()) || offlinePage()));
    return;
  }
  event.respondWith(fetch(request).catch(offlinePage));
});

/* Background Sync, where the browser has it: the waiting days go as soon as the connection is back, even with
   no page open; the pages show the report when next opened. */
self.addEventListener("sync", (event) => {
  if (event.tag === NetOutbox.SYNC_TAG) event.waitUntil(NetOutbox.sendWaiting(URLS));
});
