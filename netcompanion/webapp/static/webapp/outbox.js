/* The diary days a person logged without a connection, kept in IndexedDB on their own phone until the diary's
   batch API has them. Shared by the pages (app.js) and the service worker (sw.js). A day leaves the queue only
   when the server has stored it (201); a day the server refuses stays, with the server's words, until the person
   removes it. The batch API stores all or none and refuses a date already logged, so a day is never stored twice. */
"use strict";
(function (scope) {
  const DB_NAME = "netcompanion";
  const NUMBERS = ["flushes", "stools", "bristol", "pain", "fatigue"];
  const YES_NO = ["wheezing", "dizziness"];
  let opened = null;

  function done(request) {
    return new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }

  function open() {
    if (!opened) {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore("days", {keyPath: "id", autoIncrement: true});
        request.result.createObjectStore("reports", {keyPath: "id", autoIncrement: true});
      };
      opened = done(request).then((db) => {
        db.onversionchange = () => { db.close(); opened = null; };  // signing out deletes the database
        return db;
      });
      opened.catch(() => { opened = null; });
    }
    return opened;
  }

  async function store(name, mode) {
    return (await open()).transaction(name, mode).objectStore(name);
  }

  const all = async (name) => done((await store(name, "readonly")).getAll());
  const add = async (name, value) => done((await store(name, "readwrite")).add(value));
  const put = async (name, value) => done((await store(name, "readwrite")).put(value));
  const remove = async (name, id) => done((await store(name, "readwrite")).delete(id));

  /* The form's fields as the batch API reads them: numbers as numbers when they are whole numbers, anything else
     as typed (the server then names the field and says what to change); empty is "not noted". */
  function dayFromForm(form) {
    const text = (name) => String(form.get(name) || "").trim();
    const values = {date: text("date"), notes: text("notes"), flush_triggers: form.getAll("flush_triggers")};
    for (const name of NUMBERS) {
      const typed = text(name);
      values[name] = typed === "" ? null : (/^\d+$/.test(typed) ? Number(typed) : typed);
    }
    values.weight_kg = text("weight_kg") || null;
    for (const name of YES_NO) values[name] = {"true": true, "false": false}[text(name)] ?? null;
    return values;
  }

  function keep(owner, values) {
    return add("days", {owner, values, state: "waiting", problems: [], keptAt: new Date().toISOString()});
  }

  async function daysOf(owner) {
    return (await all("days")).filter((day) => day.owner === owner);
  }

  async function askForSync(registration) {
    if (registration && registration.sync) await registration.sync.register(SYNC_TAG).catch(() => null);
  }

  /* The server's 422 names each problem by its place in the batch: ["body", "payload", "entries", i, field]. */
  function problemsByDay(detail, count) {
    const named = new Map(), general = [];
    for (const problem of detail || []) {
      const at = (problem.loc || []).indexOf("entries");
      const index = at >= 0 ? problem.loc[at + 1] : undefined;
      if (Number.isInteger(index) && index < count) {
        if (!named.has(index)) named.set(index, []);
        named.get(index).push({field: String(problem.loc[at + 2] || ""), message: problem.msg});
      } else {
        general.push({field: "", message: problem.msg || String(problem)});
      }
    }
    if (!named.size) for (let i = 0; i < count; i++) named.set(i, general);
    return named;
  }

  const weight = (value) => (value === null || value === undefined || value === "" ? null : Number(value));
  const triggers = (value) => [...(value || [])].sort().join();

  /* Whether the diary already holds exactly this day: a send whose answer was lost (the page closed, the
     connection dropped) reached the server, and is not a conflict to show the person. */
  async function alreadyStored(urls, values) {
    const response = await fetch(`${urls.entries}?since=${values.date}&until=${values.date}`,
                                 {credentials: "same-origin", cache: "no-store"});
    const stored = response.ok ? (await response.json())[0] : null;
    return Boolean(stored) && [...NUMBERS, ...YES_NO].every((name) => (stored[name] ?? null) === values[name]) &&
      weight(stored.weight_kg) === weight(values.weight_kg) && (stored.notes || "") === values.notes &&
      triggers(stored.flush_triggers) === triggers(values.flush_triggers);
  }

  /* Sends the signed-in owner's waiting days; a day the server refuses is set aside with its problems and the
     others are sent again. Returns the report it also keeps for the pages: {sent, problems, signedOut, failed}. */
  async function send(urls) {
    const report = {sent: [], problems: [], signedOut: false, failed: false, at: new Date().toISOString()};
    if (!(await all("days")).some((day) => day.state === "waiting")) return report;  // no request on every page
    const state = await fetch(urls.state, {credentials: "same-origin", cache: "no-store"}).then((r) => r.json());
    if (!state.owner) return {...report, signedOut: true};
    let waiting = (await daysOf(state.owner)).filter((day) => day.state === "waiting");
    while (waiting.length) {
      const response = await fetch(urls.batch, {
        method: "POST", credentials: "same-origin", cache: "no-store",
        headers: {"Content-Type": "application/json", "X-CSRFToken": state.csrf},
        body: JSON.stringify({entries: waiting.map((day) => day.values)}),
      });
      if (response.status === 201) {
        const saved = await response.json();
        for (const [i, day] of waiting.entries()) {
          await remove("days", day.id);
          report.sent.push({date: day.values.date, assessment: saved[i] && saved[i].assessment});
        }
        break;
      }
      if (response.status === 422) {
        const named = problemsByDay((await response.json()).detail, waiting.length);
        for (const [i, problems] of named) {
          const day = waiting[i];
          if (problems.some((problem) => problem.field === "date") && await alreadyStored(urls, day.values)) {
            await remove("days", day.id);
            report.sent.push({date: day.values.date, assessment: null});
            continue;
          }
          await put("days", {...day, state: "problem", problems});
          report.problems.push({date: day.values.date, problems});
        }
        waiting = waiting.filter((_day, i) => !named.has(i));
        continue;
      }
      if (response.status === 401 || response.status === 403) report.signedOut = true;
      else report.failed = true;
      break;
    }
    if (report.sent.length || report.problems.length) await add("reports", {owner: state.owner, ...report});
    return report;
  }

  /* One sender at a time across tabs and the worker, so that no day is sent by two of them at once. */
  function sendWaiting(urls) {
    const run = () => send(urls);
    return scope.navigator && scope.navigator.locks ? scope.navigator.locks.request("netcompanion-outbox", run) : run();
  }

  const SYNC_TAG = "netcompanion-diary";
  scope.NetOutbox = {SYNC_TAG, dayFromForm, keep, daysOf, all, put, remove, askForSync, sendWaiting, DB_NAME};
})(self);
