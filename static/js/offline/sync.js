// The sync loop: push the outbox, then pull what changed, whenever there may be signal.
//
// It runs on save, on `online`, when the page becomes visible, at start-up, and with a
// capped exponential backoff while anything waits. Background Sync, where the browser has
// it, only wakes an open page sooner. Saving never needs a session: without one the queue
// simply waits and the user is asked to sign in.

import * as db from "./db.js";

const PUSH_BATCH = 100;
const PULL_LIMIT = 500;
const FIRST_DELAY_MS = 1000;
// Capped low on purpose: when the signal returns, waiting changes must go within seconds.
const MAX_DELAY_MS = 5000;
// While visible and idle, look for changes made on another device now and then.
const IDLE_PULL_MS = 60_000;
const SYNC_TAG = "afterword-sync";

// Every request gives up after this long (the page may shorten it: <body data-sync-timeout>),
// so a request that hangs on a dead network never holds the cross-tab lock for long.
const DEFAULT_TIMEOUT_S = 20;

function timeoutMs() {
  const seconds = Number(globalThis.document?.body?.dataset.syncTimeout);
  return (seconds > 0 ? seconds : DEFAULT_TIMEOUT_S) * 1000;
}

/** fetch() that rejects (TimeoutError) when the answer does not come in time. */
function request(url, options = {}) {
  return fetch(url, { credentials: "same-origin", cache: "no-store", ...options, signal: AbortSignal.timeout(timeoutMs()) });
}

class SignedOut extends Error {}

class ServerError extends Error {}

// --- one run ----------------------------------------------------------------------------------

/** Fetch the session: who is signed in, and a CSRF token fresh for this run. */
async function fetchSession() {
  const sent = Date.now();
  const response = await request("/api/session", { headers: { Accept: "application/json" } });
  if (response.status === 401 || response.redirected) throw new SignedOut();
  if (!response.ok) throw new ServerError(`The server answered ${response.status}.`);
  const session = await response.json();
  if (Number.isFinite(session.server_time)) {
    // The phone's clock may be wrong: Today and "not synced for a day" use the server's.
    await db.setMeta("clock_offset", session.server_time - (sent + Date.now()) / 2);
  }
  return session;
}

function postPush(mutations, csrfToken) {
  return request("/api/sync/push", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrfToken },
    body: JSON.stringify({ mutations: mutations.map(asMutation) }),
  });
}

function asMutation(entry) {
  const { id, entity, op, entity_id, base_version, data } = entry;
  // A delete needs no fields; sending none keeps it valid whatever the record held.
  return { id, entity, op, entity_id, base_version, data: op === "delete" ? {} : data };
}

async function errorOf(response) {
  try {
    const body = await response.json();
    return body.error ?? {};
  } catch {
    return {};
  }
}

/** Push everything this account may send; returns when nothing sendable is left. */
async function pushAll(session) {
  let size = PUSH_BATCH;
  // Each round removes or rejects at least one entry, so this ends; the cap is a seatbelt.
  for (let round = 0; round < 1000; round++) {
    const batch = await db.takeBatch(session.user_id, size);
    if (!batch.length) return;
    let response = await postPush(batch, session.csrf_token);
    if (response.status === 400 && (await errorOf(response.clone())).code === "csrf") {
      // The token expired between fetching it and pushing: fetch a new one and resend.
      session.csrf_token = (await fetchSession()).csrf_token;
      response = await postPush(batch, session.csrf_token);
    }
    if (response.status === 401) throw new SignedOut();
    if (response.status === 413 && batch.length > 1) {
      size = Math.max(1, Math.floor(batch.length / 2));
      continue;
    }
    if (response.status === 400 || response.status === 413) {
      // The server cannot read these at all; keep them, visible, rather than retry forever.
      const error = await errorOf(response);
      await db.markRejected(batch, error.message || "The server could not read this change.");
      continue;
    }
    if (!response.ok) throw new ServerError(`The server answered ${response.status}.`);
    const body = await response.json();
    await db.applyPushResults(body.results ?? []);
  }
}

/** Pull every change after this account's cursor, one page per transaction. */
async function pullAll(userId) {
  let cursor = (await db.getMeta(`cursor:${userId}`)) ?? 0;
  for (;;) {
    const response = await request(`/api/sync/pull?since=${cursor}&limit=${PULL_LIMIT}`, {
      headers: { Accept: "application/json" },
    });
    if (response.status === 401) throw new SignedOut();
    if (!response.ok) throw new ServerError(`The server answered ${response.status}.`);
    const page = await response.json();
    await db.applyPull(userId, page.changes ?? [], page.cursor ?? cursor);
    if (!page.has_more || page.cursor === cursor) return;
    cursor = page.cursor;
  }
}

/**
 * One sync run. Resolves with `{state, user?, error?}`; never rejects, so callers can
 * schedule the next run from the state alone.
 */
export async function syncOnce() {
  try {
    const session = await fetchSession();
    const user = { user_id: session.user_id, email: session.email };
    await db.setMeta("user", user);
    await pushAll(session);
    await pullAll(user.user_id);
    return { state: "synced", user };
  } catch (error) {
    if (error instanceof SignedOut) {
      // No one is signed in now: the phone shows no one's records until the server names
      // an account again. Queued changes stay, each tagged with the account that made it.
      await db.setMeta("user", null);
      return { state: "signed_out" };
    }
    if (error instanceof ServerError) return { state: "error", error: error.message };
    // fetch() rejects with a TypeError when there is no network at all.
    return { state: "unreachable", error: String(error?.message ?? error) };
  }
}

/** One run at a time across tabs, where Web Locks exist (a second tab waits its turn). */
function syncExclusively(run = syncOnce) {
  if (navigator.locks?.request) return navigator.locks.request(SYNC_TAG, run);
  return run();
}

/**
 * Sign-out's last push: send what this account has queued, pull nothing. Resolves with how
 * many of its changes are still only on this phone.
 */
export async function pushBeforeSignOut(userId) {
  await syncExclusively(async () => {
    try {
      const session = await fetchSession();
      if (session.user_id === userId) await pushAll(session);
    } catch {
      // No signal or no session: what is left is counted below and the user decides.
    }
  });
  return (await db.outboxEntries()).filter((entry) => entry.user_id === userId).length;
}

// --- the loop -------------------------------------------------------------------------------

/**
 * Start syncing for this page. `onStatus(status)` is called after every run and before
 * one starts (state "syncing"). Returns `requestSync(reason)`.
 */
export function startSync(onStatus) {
  let running = null;
  let again = false;
  let timer = null;
  let failures = 0;

  function schedule(delay) {
    clearTimeout(timer);
    timer = setTimeout(() => requestSync("timer"), delay);
  }

  async function loop() {
    do {
      again = false;
      if (navigator.onLine === false) {
        // No network at all: wait for the `online` event instead of spinning.
        onStatus({ state: "offline" });
        return;
      }
      onStatus({ state: "syncing" });
      const status = await syncExclusively();
      onStatus(status);
      await plan(status);
    } while (again);
  }

  async function plan(status) {
    if (status.state === "error" || status.state === "unreachable") {
      const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** failures);
      failures += 1;
      // Jitter, so many phones regaining signal together do not arrive together.
      schedule(delay * (0.8 + Math.random() * 0.2));
      return;
    }
    failures = 0;
    if (status.state === "synced" && (await db.nextBatch(status.user.user_id, 1)).length) {
      again = true;
      return;
    }
    schedule(IDLE_PULL_MS);
  }

  function requestSync() {
    if (running) {
      again = true;
      return running;
    }
    clearTimeout(timer);
    running = loop().finally(() => {
      running = null;
    });
    return running;
  }

  window.addEventListener("online", () => {
    failures = 0;
    requestSync("online");
  });
  window.addEventListener("offline", () => onStatus({ state: "offline" }));
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") requestSync("visible");
  });
  navigator.serviceWorker?.addEventListener("message", (event) => {
    if (event.data?.type === "sync") requestSync("background-sync");
  });
  requestSync("start");
  return requestSync;
}

/** Ask the browser to wake us when connectivity returns, where Background Sync exists. */
export async function registerBackgroundSync() {
  try {
    const registration = await navigator.serviceWorker?.ready;
    await registration?.sync?.register(SYNC_TAG);
  } catch {
    // Not supported or not allowed: the page's own loop covers it.
  }
}
