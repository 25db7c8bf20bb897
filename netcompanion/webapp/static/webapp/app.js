/* Progressive enhancement for a signed-in patient: installs the service worker, lets the diary form keep a day
   on the phone when there is no connection, shows what is waiting to send, sends it when the connection is back,
   and clears everything kept on this phone when the person signs out. Without JavaScript none of this runs and
   the form posts as usual. */
"use strict";
(function () {
  const script = document.getElementById("webapp-script");
  if (!script || !window.NetOutbox || !window.indexedDB) return;
  const cfg = script.dataset;
  const urls = {state: cfg.state, batch: cfg.batch, entries: cfg.entries};
  // Named as Django's catalogue names them, so that makemessages finds every text (djangojs domain).
  const gettext = window.gettext || ((text) => text);
  const ngettext = window.ngettext || ((one, many, n) => (n === 1 ? one : many));
  const fill = window.interpolate || ((text, values) => text.replace("%s", values[0]));
  const LABELS = {
    date: gettext("Date"), flushes: gettext("Flushes"), flush_triggers: gettext("What set the flushes off"),
    stools: gettext("Bowel movements"), bristol: gettext("Stool type"), pain: gettext("Tummy pain"), fatigue: gettext("Tiredness"),
    weight_kg: gettext("Weight in kg"), wheezing: gettext("Wheezing"), dizziness: gettext("Dizzy or faint"), notes: gettext("Notes"),
  };
  const SHOWN_LEVELS = ["emergency", "urgent", "soon"];
  let panel = null;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
    for (const child of children) if (child != null) node.append(child);
    return node;
  }

  function button(label, onClick, secondary) {
    const node = el("button", {type: "button", class: secondary ? "button-secondary" : ""}, label);
    node.addEventListener("click", onClick);
    return node;
  }

  function longDate(iso) {
    const lang = (document.documentElement.lang || "en").startsWith("en") ? "en-GB" : document.documentElement.lang;
    const day = new Date(iso + "T12:00:00");
    return isNaN(day) ? iso : day.toLocaleDateString(lang, {day: "numeric", month: "long", year: "numeric"});
  }

  function today() {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }

  function typedValues(values) {
    const shown = [];
    for (const [name, value] of Object.entries(values)) {
      if (name === "date" || value === null || value === "" || (Array.isArray(value) && !value.length)) continue;
      const text = value === true ? gettext("yes") : value === false ? gettext("no") : String(value);
      shown.push(`${LABELS[name] || name}: ${text}`);
    }
    return shown.join(" · ") || gettext("nothing filled in");
  }

  function problemText(problem) {
    return problem.field && LABELS[problem.field] ? `${LABELS[problem.field]}: ${problem.message}` : problem.message;
  }

  function panelNode() {
    if (!panel) {
      panel = el("div", {class: "webapp-outbox", role: "status", "aria-live": "polite", tabindex: "-1"});
      const main = document.getElementById("main") || document.body;
      main.prepend(panel);
    }
    return panel;
  }

  /* What a sent day came to, in the words and at the levels of the page after a saved form (diary/_assessed.html):
     a past day at urgent or emergency asks how the person is now; otherwise who to contact, never to wait. */
  function adviceNode(day) {
    const a = day.assessment;
    const box = el("div", {class: `result result-${a.level} webapp-advice`});
    const when = longDate(day.date);
    const line = (...children) => box.append(el("p", {}, ...children));
    const reasons = () => (a.why || []).forEach((reason) => line(reason));
    if (a.late && (a.level === "emergency" || a.level === "urgent")) {
      box.append(el("p", {class: "result-headline"}, fill(gettext("What was logged for %s could have needed help that day. How are you now?"), [when])));
      reasons();
      line(el("a", {class: "button", href: cfg.check}, gettext("Check how you are now")));
      line(fill(gettext("If you have any of these signs now, call %s now. If you are not sure, contact your contact nurse or health centre today; if they are closed, an on-call clinic."), [a.emergency_number]));
    } else if (a.level === "emergency") {
      box.append(el("p", {class: "result-level"}, gettext("Emergency")));
      box.append(el("p", {class: "result-headline"}, `${when}: ${a.headline || gettext("What was logged for this day can be a sign of an emergency.")}`));
      reasons();
      line(el("a", {class: "button button-danger", href: `tel:${a.emergency_number}`}, fill(gettext("Call %s now"), [a.emergency_number])));
      if (a.where) line(a.where);
    } else if (a.level === "urgent") {
      box.append(el("p", {class: "result-level"}, gettext("Urgent: today")));
      box.append(el("p", {class: "result-headline"}, `${when}: ${a.headline || gettext("What was logged for this day needs a check today.")}`));
      reasons();
      if (a.where) line(a.where);
      line(fill(gettext("Contact your contact nurse or health centre now. If they are closed, contact an on-call clinic or go to an emergency department. If it gets worse, call %s."), [a.emergency_number]));
    } else {
      box.append(el("p", {class: "result-headline"}, `${when}: ${a.headline || gettext("Some of what was logged is worth a check within a few days.")}`));
      if (a.where) line(a.where);
    }
    if (a.told_team) line(gettext("Your care team has been told."));
    return box;
  }

  /* The reports of days sent since the person last looked, with what each day came to when it needs attention. */
  function reportNodes(reports) {
    const nodes = [];
    for (const report of reports) {
      if (!report.sent.length) continue;
      const dates = report.sent.map((day) => longDate(day.date)).join(", ");
      nodes.push(el("p", {class: "webapp-sent"}, fill(ngettext("Sent the day you logged offline: %s.",
        "Sent the days you logged offline: %s.", report.sent.length), [dates]), " ",
        el("a", {href: cfg.diary}, gettext("Open your diary"))));
      for (const day of report.sent) {
        if (day.assessment && SHOWN_LEVELS.includes(day.assessment.level)) nodes.push(adviceNode(day));
      }
    }
    return nodes;
  }

  async function render(message) {
    const days = await NetOutbox.daysOf(cfg.owner);
    const reports = (await NetOutbox.all("reports")).filter((report) => report.owner === cfg.owner);
    const waiting = days.filter((day) => day.state === "waiting");
    const refused = days.filter((day) => day.state === "problem");
    if (!message && !waiting.length && !refused.length && !reports.length) {
      if (panel) panel.replaceChildren();
      return;
    }
    const node = panelNode();
    node.replaceChildren();
    if (message) node.append(el("p", {class: "webapp-message"}, el("strong", {}, message)));
    const sent = reportNodes(reports);
    if (sent.length) {
      node.append(...sent);
      node.append(el("p", {}, button(gettext("Got it"), async () => {
        for (const report of reports) await NetOutbox.remove("reports", report.id);
        render();
      }, true)));
    }
    if (waiting.length) {
      const line = el("p", {class: "webapp-waiting"}, el("strong", {}, fill(ngettext("%s day is waiting to send.",
        "%s days are waiting to send.", waiting.length), [waiting.length])), " ",
        navigator.onLine ? "" : gettext("It is kept on this phone and sent when you are back online."));
      node.append(line);
      node.append(el("ul", {class: "webapp-days"}, ...waiting.map((day) =>
        el("li", {}, el("strong", {}, longDate(day.values.date)), ": ", typedValues(day.values)))));
      if (navigator.onLine) node.append(el("p", {}, button(gettext("Send now"), () => sendNow())));
      node.append(el("p", {}, gettext("If you feel very unwell, do not wait for this to send: call your emergency number or your care team now.")));
    }
    if (refused.length) {
      node.append(el("p", {class: "webapp-problem"}, el("strong", {}, ngettext(
        "This day was not sent. Nothing is lost: it is kept on this phone until you remove it.",
        "These days were not sent. Nothing is lost: they are kept on this phone until you remove them.",
        refused.length))));
      node.append(el("ul", {class: "webapp-days"}, ...refused.map((day) => el("li", {},
        el("strong", {}, longDate(day.values.date)), ": ", typedValues(day.values),
        el("ul", {}, ...day.problems.map((problem) => el("li", {class: "webapp-problem-text"}, problemText(problem)))),
        el("p", {class: "webapp-actions"},
          button(gettext("Try again"), async () => { await NetOutbox.put("days", {...day, state: "waiting", problems: []}); sendNow(); }),
          " ",
          button(gettext("Remove from this phone"), async () => {
            if (window.confirm(fill(gettext("Remove the day %s from this phone? It has not been saved in your diary."), [longDate(day.values.date)]))) {
              await NetOutbox.remove("days", day.id);
              render();
            }
          }, true))))));
    }
  }

  let sending = false;
  async function sendNow() {
    if (sending || !navigator.onLine) return;
    sending = true;
    try {
      const report = await NetOutbox.sendWaiting(urls);
      if (report.signedOut) await render(gettext("Sign in again to send the days waiting on this phone."));
      else if (report.failed) await render(gettext("The days could not be sent just now. They are kept and will be sent later."));
      else await render();
    } catch (error) {
      await render();
    } finally {
      sending = false;
    }
  }

  /* The diary form: without a connection (or when this page is the kept copy) the day is kept on the phone. */
  function enhanceForm() {
    if (location.pathname !== cfg.form) return;
    const form = [...document.querySelectorAll("form[method=post]")].find((f) =>
      new URL(f.action || location.href, location.href).pathname === cfg.form && f.elements.namedItem("date"));
    if (!form) return;
    const date = form.elements.namedItem("date");
    if (cfg.served === "offline-copy" && date instanceof HTMLInputElement) date.value = today();
    const needsConnection = gettext("This needs a connection. Fill in the day yourself and save it: it will wait on this phone.");
    for (const link of document.querySelectorAll("main a[href]")) {
      const to = new URL(link.href, location.href);
      if (to.pathname !== cfg.form || !to.search) continue;  // "Same as yesterday" and the like ask the server
      link.addEventListener("click", (event) => {
        if (cfg.served !== "offline-copy" && navigator.onLine) return;
        event.preventDefault();
        render(needsConnection).then(() => panelNode().focus());
      });
    }
    form.addEventListener("submit", async (event) => {
      if (cfg.served !== "offline-copy" && navigator.onLine) return;
      event.preventDefault();
      const submitter = event.submitter && event.submitter.name ? event.submitter : null;
      if (submitter) {
        await render(needsConnection);
        return;
      }
      const values = NetOutbox.dayFromForm(new FormData(form));
      if (!values.date) {
        await render(gettext("Enter the date of the day you are logging."));
        return;
      }
      await NetOutbox.keep(cfg.owner, values);
      if (navigator.serviceWorker) await NetOutbox.askForSync(await navigator.serviceWorker.ready.catch(() => null));
      form.reset();
      if (date instanceof HTMLInputElement) date.value = today();
      await render(gettext("Saved on this phone. It will be sent to your diary when you are back online."));
      panelNode().focus();
      sendNow();
    });
  }

  /* Signing out: the waiting days go first if they can; a day that cannot is not thrown away without asking. Then
     everything kept on this phone is cleared (the server's Clear-Site-Data answer clears it too). */
  function enhanceSignOut() {
    for (const form of document.querySelectorAll("form[method=post]")) {
      if (new URL(form.action, location.href).pathname !== cfg.signOut) continue;
      let leaving = false;
      form.addEventListener("submit", async (event) => {
        if (leaving) return;
        event.preventDefault();
        leaving = true;
        try {
          if (navigator.onLine) await NetOutbox.sendWaiting(urls).catch(() => null);
          const left = (await NetOutbox.all("days")).length;
          if (left && !window.confirm(fill(ngettext(
            "%s day you logged offline has not been sent. Signing out removes it from this phone. Sign out anyway?",
            "%s days you logged offline have not been sent. Signing out removes them from this phone. Sign out anyway?",
            left), [left]))) {
            leaving = false;
            await render();
            return;
          }
          await clearAll();
        } catch (error) {
          await clearAll().catch(() => null);
        }
        form.submit();
      });
    }
  }

  async function clearAll() {
    const registrations = navigator.serviceWorker ? await navigator.serviceWorker.getRegistrations() : [];
    await Promise.all(registrations.map((registration) => registration.unregister()));
    if (window.caches) await Promise.all((await caches.keys()).map((name) => caches.delete(name)));
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase(NetOutbox.DB_NAME);
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
  }

  if (navigator.serviceWorker) navigator.serviceWorker.register(cfg.worker, {scope: "/"}).catch(() => null);
  enhanceForm();
  enhanceSignOut();
  window.addEventListener("online", sendNow);
  window.addEventListener("offline", () => render());
  render().then(sendNow);
})();
