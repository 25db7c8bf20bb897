/* Turns on notifications for reminders in this browser: subscribes with the Push API (the site's public VAPID key)
   and gives the subscription to the server, which keeps it for this patient. Progressive enhancement: without
   JavaScript, or in a browser without push, the page still works and reminders come by e-mail. The service worker
   that shows the notifications imports push-sw.js. What it says comes from the page's data-* attributes, translated
   there. */
"use strict";

(function () {
  const box = document.getElementById("push");
  if (!box || !("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) return;
  const button = document.getElementById("push-on");
  const status = document.getElementById("push-status");
  const fallback = document.getElementById("push-fallback");

  function key(base64url) {
    const text = atob(base64url.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - base64url.length % 4) % 4));
    return Uint8Array.from(text, (c) => c.charCodeAt(0));
  }

  function say(text) { status.textContent = text; }

  async function turnOn() {
    button.disabled = true;
    try {
      const registration = await navigator.serviceWorker.getRegistration();
      if (!registration) { say(box.dataset.noWorker); return; }
      if (await Notification.requestPermission() !== "granted") {
        say(box.dataset.blocked);
        return;
      }
      const subscription = await registration.pushManager.getSubscription() || await registration.pushManager.subscribe(
        {userVisibleOnly: true, applicationServerKey: key(box.dataset.key)});
      const sent = subscription.toJSON();
      sent.device = navigator.userAgentData && navigator.userAgentData.platform || navigator.platform || "";
      const answer = await fetch(box.dataset.url, {
        method: "POST", credentials: "same-origin",
        headers: {"Content-Type": "application/json",
                  "X-CSRFToken": box.querySelector("input[name=csrfmiddlewaretoken]").value},
        body: JSON.stringify(sent)});
      if (!answer.ok) { say(box.dataset.refused); return; }
      say((await answer.json()).message);
      window.location.reload();
    } catch (error) {
      say(box.dataset.failed);
    } finally {
      button.disabled = false;
    }
  }

  box.hidden = false;
  if (fallback) fallback.hidden = true;
  button.addEventListener("click", turnOn);
}());
