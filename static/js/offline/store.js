// The island's store: what this phone holds for the account (read from IndexedDB), and the
// one way to change it, save(), which commits to the phone before anything is shown.

import * as db from "./db.js";

export const state = {
  user: null,
  data: { application: [], interview: [], contact: [], talking_point: [], outbox: [] },
  sync: { state: "starting" },
  screen: null, // { update() } of the mounted screen
  editing: new Set(), // ids of points whose edit form is open
  undo: null, // the point just deleted, for the Undo bar
  revived: new Set(), // points this phone deleted that came back with another device's edit
  clockOffset: 0, // server time minus this phone's clock, as of the last sync
};

// What happens after every save and when a screen asks for a sync: set by app.js at start-up.
const hooks = { saved() {}, sync() {} };

export function connect({ saved, sync }) {
  hooks.saved = saved;
  hooks.sync = sync;
}

/** Ask the sync loop for a run now (after a retry, say). */
export function requestSync(reason) {
  hooks.sync(reason);
}

export async function reload() {
  state.user = (await db.getMeta("user")) ?? null;
  state.clockOffset = (await db.getMeta("clock_offset")) ?? 0;
  state.data = await db.loadAll(state.user?.user_id);
}

/** Now, by the server's clock as of the last sync: a phone's own clock may be days off. */
export function serverNow() {
  return Date.now() + state.clockOffset;
}

export const live = (rows) => rows.filter((row) => !row.deleted);
export const byId = (entity, id) => state.data[entity].find((row) => row.id === id);

export function pendingFor(id) {
  return state.data.outbox.filter((entry) => entry.entity_id === id);
}

/** Put a just-saved record and its outbox entries into the in-memory copy. */
function remember({ record, pending }) {
  const rows = state.data[record.entity].filter((row) => row.id !== record.id);
  if (pending.length || record.version != null) rows.push(record);
  state.data[record.entity] = rows;
  state.data.outbox = [...state.data.outbox.filter((e) => e.entity_id !== record.id), ...pending];
}

/** Save on the phone, then show it, then try to sync (app.js). Throws if the phone could not save. */
export async function save(entity, id, data, op = "upsert", opened = null) {
  const saved = await db.saveChange({ entity, id, data, op, user: state.user, opened, now: serverNow() });
  remember(saved);
  hooks.saved();
  return saved.record;
}

export function interviewStart(interview) {
  return db.parseTime(interview.data.starts_at);
}

export function peopleOf(interviewId) {
  return live(state.data.contact).filter((c) => (c.data.interview_ids ?? []).includes(interviewId));
}

export function pointsOf(contactId) {
  return live(state.data.talking_point).filter((p) => p.data.contact_id === contactId);
}
