// The phone's copy of the user's records and the outbox of changes waiting for the server.
//
// Every save writes the record AND its outbox entry in one IndexedDB transaction, so a
// crash, a closed tab or a dead battery can never leave one without the other. The outbox
// holds data (a mutation with a client-made UUID), never a raw request, so it can be sent
// again with a fresh CSRF token, under the right account, as often as needed: the server's
// ledger applies each mutation id at most once.

const DB_NAME = "afterword";
const DB_VERSION = 1;
export const ENTITIES = ["application", "interview", "contact", "talking_point"];

let opening = null;
// Set once sign-out has deleted the database: this page must not create it again.
let forgotten = false;

/** The open database; created or upgraded on first use. */
export function openDb() {
  if (forgotten) return Promise.reject(new Error("Signed out: nothing is kept on this phone."));
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => createStores(request.result);
    request.onsuccess = () => {
      const db = request.result;
      // A newer tab (after an app update) wants to upgrade: let it, reopen on next use.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => {
      opening = null;
      reject(request.error);
    };
  });
  return opening;
}

function createStores(db) {
  // Upgrades only ever add stores: an app update must never drop the outbox.
  for (const entity of ENTITIES) {
    if (!db.objectStoreNames.contains(entity)) db.createObjectStore(entity, { keyPath: "id" });
  }
  if (!db.objectStoreNames.contains("outbox")) {
    // `seq` keeps the order the user made the changes in; the server applies them in order.
    const outbox = db.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true });
    outbox.createIndex("id", "id", { unique: true });
    outbox.createIndex("entity_id", "entity_id");
  }
  if (!db.objectStoreNames.contains("meta")) db.createObjectStore("meta");
}

/** A request as a promise. Awaiting it keeps its transaction alive (microtask). */
function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Run `body(transaction)`; resolve with its result once the transaction has committed. */
async function inTransaction(storeNames, mode, body) {
  const db = await openDb();
  const transaction = db.transaction(storeNames, mode, { durability: "strict" });
  const committed = new Promise((resolve, reject) => {
    transaction.oncomplete = resolve;
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new Error("Saving was interrupted."));
  });
  let result;
  try {
    result = await body(transaction);
  } catch (error) {
    try {
      transaction.abort();
    } catch {
      // Already finished; the original error is the one worth reporting.
    }
    await committed.catch(() => {});
    throw error;
  }
  await committed;
  return result;
}

// --- meta: who the phone last saw signed in, the pull cursor ---------------------------------

export async function getMeta(key) {
  return inTransaction(["meta"], "readonly", (t) => done(t.objectStore("meta").get(key)));
}

export async function setMeta(key, value) {
  return inTransaction(["meta"], "readwrite", (t) => done(t.objectStore("meta").put(value, key)));
}

// --- saving on the phone ------------------------------------------------------------------------

/**
 * Save one record and queue its mutation, in one transaction.
 *
 * `user` is the account the phone last saw signed in: the entry is tagged with it so it can
 * never be uploaded into another account. `opened` is what an edit form saw when it opened
 * ({version, rev}): if the record changed since (another tab, or a pull of another device's
 * edit), the edit is sent against the version it was opened at, so the server keeps both
 * texts instead of one silently replacing the other. Resolves, once committed, with the
 * stored record and the record's outbox entries (empty when the change cancelled an unsent
 * create).
 */
export async function saveChange({ entity, id, data, op = "upsert", user, opened = null, now = Date.now() }) {
  return inTransaction([entity, "outbox"], "readwrite", async (t) => {
    const records = t.objectStore(entity);
    const outbox = t.objectStore("outbox");
    const existing = await done(records.get(id));
    const pending = await done(outbox.index("entity_id").getAll(id));
    const merged = { ...(existing?.data ?? {}), ...data };
    const stale = opened != null && existing != null && (existing.rev ?? 0) !== opened.rev;
    const record = {
      id,
      entity,
      data: merged,
      version: existing?.version ?? null,
      deleted: op === "delete",
      // "Keep both" clears it (conflict_of: null); nothing else sets it on the phone.
      conflict_of: "conflict_of" in data ? data.conflict_of : (existing?.conflict_of ?? null),
      user_id: user.user_id,
      created: existing?.created ?? now,
      rev: (existing?.rev ?? 0) + 1,
    };
    const last = pending.at(-1);
    if (op === "delete" && neverSent(pending, existing)) {
      // The server never heard of it: forgetting it is the whole delete.
      outbox.delete(last.seq);
      records.delete(id);
      return { record, pending: [] };
    }
    records.put(record);
    const entry = stale
      ? await queueAgainst(outbox, { entity, id, op, data: merged, user, now, base: opened.version })
      : await queue(outbox, { entity, id, op, data: merged, user, now, existing, last });
    const kept = entry.seq === last?.seq ? pending.slice(0, -1) : pending;
    return { record, pending: [...kept, entry] };
  });
}

/** A record created on this phone whose only mutation has not been sent yet. */
function neverSent(pending, existing) {
  return (
    pending.length === 1 &&
    pending[0].attempts === 0 &&
    pending[0].base_version === null &&
    !existing?.version
  );
}

/** Write the outbox entry for a change; resolves with the entry as stored. */
async function queue(outbox, { entity, id, op, data, user, now, existing, last }) {
  const sameUser = last && last.user_id === user.user_id;
  if (sameUser && last.attempts === 0 && last.status === "waiting") {
    // Not sent yet: fold this edit into it, so two offline edits are one mutation and the
    // second never conflicts with the first. `queued_at` stays: it dates the oldest change.
    const entry = { ...last, op, data };
    outbox.put(entry);
    return entry;
  }
  if (sameUser && last.status === "rejected") {
    // The user changed a rejected item: send the new text under a new id (the server's
    // ledger remembers the old id as rejected).
    const entry = { ...last, id: crypto.randomUUID(), op, data, attempts: 0, status: "waiting", error: null };
    outbox.put(entry);
    return entry;
  }
  const entry = {
    id: crypto.randomUUID(),
    entity,
    op,
    entity_id: id,
    base_version: existing?.version ?? null,
    data,
    user_id: user.user_id,
    email: user.email,
    queued_at: now,
    attempts: 0,
    status: "waiting",
    error: null,
    // An earlier mutation of this record may already be on the wire; this one waits for its
    // result so that its base_version is the version that mutation made.
    after: last && last.status !== "rejected" ? last.id : null,
  };
  entry.seq = await done(outbox.add(entry));
  return entry;
}

/**
 * An edit made on an older copy than the phone now holds: its own mutation, never folded into
 * another and never rebased (`pinned`), against the version the edit form opened at. The
 * server then answers "conflict" and keeps this text as a copy beside the newer one.
 */
async function queueAgainst(outbox, { entity, id, op, data, user, now, base }) {
  const entry = {
    id: crypto.randomUUID(),
    entity,
    op,
    entity_id: id,
    base_version: base,
    pinned: true,
    data,
    user_id: user.user_id,
    email: user.email,
    queued_at: now,
    attempts: 0,
    status: "waiting",
    error: null,
    after: null,
  };
  entry.seq = await done(outbox.add(entry));
  return entry;
}

// --- reading ---------------------------------------------------------------------------------

/** Everything the screens show for one account, read in one transaction. */
export async function loadAll(userId) {
  return inTransaction([...ENTITIES, "outbox"], "readonly", async (t) => {
    const result = { outbox: await done(t.objectStore("outbox").getAll()) };
    for (const entity of ENTITIES) {
      const rows = await done(t.objectStore(entity).getAll());
      result[entity] = rows.filter((row) => row.user_id === userId);
    }
    return result;
  });
}

export async function outboxEntries() {
  return inTransaction(["outbox"], "readonly", (t) => done(t.objectStore("outbox").getAll()));
}

// --- what the sync loop needs ---------------------------------------------------------------------

/** The next mutations to send for this account, oldest first, at most `limit`. */
export async function nextBatch(userId, limit) {
  const entries = await outboxEntries();
  const queued = new Set(entries.map((entry) => entry.id));
  return entries
    .filter((e) => e.user_id === userId && e.status === "waiting" && !queued.has(e.after))
    .slice(0, limit);
}

/**
 * Take the next mutations to send and count the attempt, in one transaction: an entry that
 * is on its way may already be applied, so a save made from now on never folds into it (it
 * queues a follower instead), and no edit can slip in between choosing and sending.
 */
export async function takeBatch(userId, limit) {
  return inTransaction(["outbox"], "readwrite", async (t) => {
    const outbox = t.objectStore("outbox");
    const entries = await done(outbox.getAll());
    const queued = new Set(entries.map((entry) => entry.id));
    const batch = entries
      .filter((e) => e.user_id === userId && e.status === "waiting" && !queued.has(e.after))
      .slice(0, limit)
      .map((entry) => ({ ...entry, attempts: entry.attempts + 1 }));
    for (const entry of batch) outbox.put(entry);
    return batch;
  });
}

/** Mark entries rejected, keeping them (and the text) visible with the reason. */
export async function markRejected(batch, error) {
  return inTransaction(["outbox"], "readwrite", async (t) => {
    const outbox = t.objectStore("outbox");
    for (const entry of batch) {
      const current = await done(outbox.get(entry.seq));
      if (current) {
        outbox.put({ ...current, status: "rejected", error });
        await releaseFollowers(outbox, current);
      }
    }
  });
}

/** The edits queued behind a rejected change go on their own: a bad change blocks nothing. */
async function releaseFollowers(outbox, entry) {
  const siblings = await done(outbox.index("entity_id").getAll(entry.entity_id));
  for (const follower of siblings.filter((e) => e.after === entry.id)) {
    outbox.put({ ...follower, after: null });
  }
}

/** Once a later change of the record is on the server, an older rejected one is moot. */
async function dropSuperseded(outbox, entry) {
  const siblings = await done(outbox.index("entity_id").getAll(entry.entity_id));
  for (const older of siblings.filter((e) => e.status === "rejected" && e.seq < entry.seq)) {
    outbox.delete(older.seq);
  }
}

/**
 * Apply the server's answer to a push. An entry leaves the outbox only once the server has
 * confirmed it (applied, duplicate, or kept as a conflict copy); rejected ones stay.
 */
export async function applyPushResults(results) {
  return inTransaction([...ENTITIES, "outbox", "meta"], "readwrite", async (t) => {
    const outbox = t.objectStore("outbox");
    for (const answer of results) {
      const result = settled(answer);
      const entry = await done(outbox.index("id").get(result.id));
      if (!entry) continue;
      if (result.status === "rejected") {
        const error = result.error || "The server did not accept this change.";
        outbox.put({ ...entry, status: "rejected", error });
        await releaseFollowers(outbox, entry);
        continue;
      }
      outbox.delete(entry.seq);
      await dropSuperseded(outbox, entry);
      if (result.status === "conflict" && entry.op === "delete") {
        // Another device changed it after this one deleted it: the edit won, the record is
        // back, and the user is told why.
        t.objectStore("meta").put(true, `revived:${entry.entity_id}`);
      }
      await settleFollowers(outbox, entry, result);
      await settleRecord(t, entry, result);
    }
  });
}

/** A duplicate answers for the first delivery: read it as what happened then. */
function settled(result) {
  if (result.status === "duplicate" && result.original_status && result.original_status !== "applied") {
    return { ...result, status: result.original_status };
  }
  return result;
}

async function settleFollowers(outbox, entry, result) {
  // After a conflict the server kept its own version: a follower built on our losing text
  // keeps its stale base_version and becomes a conflict copy too, never an overwrite.
  const confirmed = result.status === "applied" || result.status === "duplicate";
  const siblings = await done(outbox.index("entity_id").getAll(entry.entity_id));
  for (const follower of siblings.filter((e) => e.after === entry.id)) {
    const rebase = confirmed && result.version != null && !follower.pinned;
    outbox.put({ ...follower, after: null, base_version: rebase ? result.version : follower.base_version });
  }
}

async function settleRecord(t, entry, result) {
  if (result.status === "conflict" && result.conflict_entity_id) {
    // Remember which record the copy belongs to, in case the pulled data does not say.
    t.objectStore("meta").put(entry.entity_id, `conflict:${result.conflict_entity_id}`);
  }
  if (result.status === "conflict") {
    // The server kept its own version, which an earlier pull skipped while this change was
    // waiting: pull everything again so the phone shows the server's text beside its copy.
    t.objectStore("meta").put(0, `cursor:${entry.user_id}`);
  }
  if (result.status === "conflict" || result.version == null) return;
  const records = t.objectStore(entry.entity);
  const record = await done(records.get(entry.entity_id));
  if (record) records.put({ ...record, version: result.version });
}

/**
 * Store one page of pulled changes and the cursor after it, in one transaction, so a page is
 * either wholly applied or pulled again. A record with changes still waiting on this phone
 * keeps the phone's text: the push that follows decides (applied, or a conflict copy).
 */
export async function applyPull(userId, changes, cursor, now = Date.now()) {
  return inTransaction([...ENTITIES, "outbox", "meta"], "readwrite", async (t) => {
    const outbox = t.objectStore("outbox");
    const meta = t.objectStore("meta");
    for (const change of changes) {
      if (!ENTITIES.includes(change.entity)) continue;
      const waiting = await done(outbox.index("entity_id").count(change.entity_id));
      if (waiting) continue;
      const records = t.objectStore(change.entity);
      const existing = await done(records.get(change.entity_id));
      const data = change.data ?? {};
      // The server says whose copy it is, and null once "keep both" made it an ordinary record.
      const conflictOf =
        "conflict_of" in data
          ? data.conflict_of
          : (change.conflict_of ?? (await done(meta.get(`conflict:${change.entity_id}`))) ?? null);
      const merged = { ...(existing?.data ?? {}), ...data };
      const deleted = Boolean(change.deleted);
      const changed = !existing || existing.deleted !== deleted || contentOf(existing.data) !== contentOf(merged);
      records.put({
        id: change.entity_id,
        entity: change.entity,
        data: merged,
        version: change.version ?? null,
        deleted,
        conflict_of: conflictOf,
        user_id: userId,
        created: existing?.created ?? parseTime(data.created_at) ?? now,
        // An edit form open on this record learns from `rev` that the text under it changed.
        rev: (existing?.rev ?? 0) + (changed ? 1 : 0),
      });
    }
    meta.put(cursor, `cursor:${userId}`);
  });
}

const SERVER_SET = new Set(["created_at", "updated_at", "deleted_at", "conflict_of"]);

/** What the user wrote in a record, comparable across key order. */
function contentOf(data) {
  return JSON.stringify(
    Object.keys(data ?? {})
      .filter((key) => !SERVER_SET.has(key))
      .sort()
      .map((key) => [key, data[key]])
  );
}

/** Points that came back because another device's edit beat this phone's delete. */
export async function takeRevived(ids) {
  return inTransaction(["meta"], "readwrite", async (t) => {
    const meta = t.objectStore("meta");
    const found = [];
    for (const id of ids) {
      if (await done(meta.get(`revived:${id}`))) {
        found.push(id);
        meta.delete(`revived:${id}`);
      }
    }
    return found;
  });
}

/**
 * Sign-out on a shared phone: forget every record (they are copies of the server's) and this
 * account's queue, and the account itself. Another account's queued changes stay, held apart
 * for it; with none, the whole database goes.
 */
export async function forgetAccount(userId) {
  const left = await inTransaction([...ENTITIES, "outbox", "meta"], "readwrite", async (t) => {
    for (const entity of ENTITIES) t.objectStore(entity).clear();
    const outbox = t.objectStore("outbox");
    const others = [];
    for (const entry of await done(outbox.getAll())) {
      if (entry.user_id === userId) outbox.delete(entry.seq);
      else others.push(entry);
    }
    t.objectStore("meta").clear();
    return others.length;
  });
  if (left === 0) await deleteDatabase();
}

async function deleteDatabase() {
  const open = await opening?.catch(() => null);
  open?.close();
  opening = null;
  forgotten = true;
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = request.onerror = () => resolve();
    // Another tab holding it open closes it on `versionchange`; do not wait forever for one.
    request.onblocked = () => setTimeout(resolve, 2000);
  });
}

/** Forget a rejected change: drop it and pull the server's copy again from the start. */
export async function discard(entrySeq, userId) {
  return inTransaction([...ENTITIES, "outbox", "meta"], "readwrite", async (t) => {
    const outbox = t.objectStore("outbox");
    const entry = await done(outbox.get(entrySeq));
    if (!entry) return;
    outbox.delete(entrySeq);
    const records = t.objectStore(entry.entity);
    const record = await done(records.get(entry.entity_id));
    // A record the server never confirmed disappears; any other is restored by the pull.
    if (record && record.version == null) records.delete(entry.entity_id);
    t.objectStore("meta").put(0, `cursor:${userId}`);
  });
}

/** Send a rejected change again (e.g. after the server was fixed), under a new id. */
export async function retry(entrySeq) {
  return inTransaction(["outbox"], "readwrite", async (t) => {
    const outbox = t.objectStore("outbox");
    const entry = await done(outbox.get(entrySeq));
    if (entry) {
      outbox.put({ ...entry, id: crypto.randomUUID(), attempts: 0, status: "waiting", error: null });
    }
  });
}

/** Server times are naive UTC ISO strings; treat a missing offset as UTC. */
export function parseTime(value) {
  if (!value) return null;
  const text = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}
