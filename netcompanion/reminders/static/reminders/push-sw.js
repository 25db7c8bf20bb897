/* Reminder notifications, for the site's service worker to import (importScripts). A message says only that
   there is something to do, never what: it shows on the lock screen. A tap opens the reminders page, in a window
   of the app already open when there is one. */
"use strict";

self.addEventListener("push", (event) => {
  let message = {};
  try { message = event.data ? event.data.json() : {}; } catch (error) { message = {}; }
  const title = message.title || "NET Companion";
  event.waitUntil(self.registration.showNotification(title, {
    body: message.body || "You have something to do in NET Companion.",
    tag: message.tag || "netcompanion-reminder",
    icon: message.icon,
    data: {url: message.url || "/my/reminders/"},
  }));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = new URL(event.notification.data && event.notification.data.url || "/my/reminders/", self.location.origin);
  if (url.origin !== self.location.origin) return;
  event.waitUntil((async () => {
    for (const client of await self.clients.matchAll({type: "window", includeUncontrolled: true})) {
      if (new URL(client.url).origin === url.origin && "navigate" in client) {
        await client.focus();
        return client.navigate(url.href);
      }
    }
    return self.clients.openWindow(url.href);
  })());
});
