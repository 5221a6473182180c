// The capture island: today's interviews → the people in one → their talking points, drawn
// from IndexedDB so it works with no signal. Every save is committed on the phone before it
// is shown; the sync loop takes it to the server later.
//
// Screens are picked by the address after "#": #/ (interviews), #/i/<interview>,
// #/c/<person>/<interview>. Each screen is mounted once (its forms keep what is typed) and
// its lists are redrawn whenever the data changes.

import * as db from "./db.js";
import { parsePerson } from "./person.js";
import { scanCard } from "./scan.js";
import { renderStatus } from "./status.js";
import { registerBackgroundSync, startSync } from "./sync.js";
import {
  clockTime,
  h,
  kindLabel,
  plural,
  pointForm,
  pointProblem,
  showError,
  staleWarning,
  stateLine,
  syncState,
} from "./view.js";

const NO_USER =
  "Open Afterword once while online and signed in, so this phone knows whose points these are. Your text is still here.";

const state = {
  user: null,
  data: { application: [], interview: [], contact: [], talking_point: [], outbox: [] },
  sync: { state: "starting" },
  screen: null, // { update() } of the mounted screen
  editing: new Set(), // ids of points whose edit form is open
  undo: null, // the point just deleted, for the Undo bar
  revived: new Set(), // points this phone deleted that came back with another device's edit
  clockOffset: 0, // server time minus this phone's clock, as of the last sync
};
let requestSync = () => {};

const view = document.getElementById("view");
const statusLine = document.getElementById("sync-status");

// --- data ------------------------------------------------------------------------------------

async function reload() {
  state.user = (await db.getMeta("user")) ?? null;
  state.clockOffset = (await db.getMeta("clock_offset")) ?? 0;
  state.data = await db.loadAll(state.user?.user_id);
}

/** Now, by the server's clock as of the last sync: a phone's own clock may be days off. */
function serverNow() {
  return Date.now() + state.clockOffset;
}

const live = (rows) => rows.filter((row) => !row.deleted);
const byId = (entity, id) => state.data[entity].find((row) => row.id === id);

function pendingFor(id) {
  return state.data.outbox.filter((entry) => entry.entity_id === id);
}

/** Put a just-saved record and its outbox entries into the in-memory copy. */
function remember({ record, pending }) {
  const rows = state.data[record.entity].filter((row) => row.id !== record.id);
  if (pending.length || record.version != null) rows.push(record);
  state.data[record.entity] = rows;
  state.data.outbox = [...state.data.outbox.filter((e) => e.entity_id !== record.id), ...pending];
}

/** Save on the phone, then show it, then try to sync. Throws if the phone could not save. */
async function save(entity, id, data, op = "upsert", opened = null) {
  const saved = await db.saveChange({ entity, id, data, op, user: state.user, opened, now: serverNow() });
  remember(saved);
  afterSave();
  return saved.record;
}

function afterSave() {
  // The last run's "synced" is no longer true: say what waits until the next run says more.
  if (state.sync.state === "synced") state.sync = { state: "waiting" };
  drawStatus();
  requestSync("save");
  registerBackgroundSync();
  askToPersist();
}

/** Ask once, after the first save, that the browser never evicts the outbox under pressure. */
async function askToPersist() {
  if (await db.getMeta("persist_asked")) return;
  await db.setMeta("persist_asked", true);
  await navigator.storage?.persist?.();
}

function interviewStart(interview) {
  return db.parseTime(interview.data.starts_at);
}

function roleLabel(role) {
  return document.getElementById("roles").content.querySelector(`data[value="${CSS.escape(role)}"]`)
    ?.textContent ?? role ?? "";
}

// --- screen: the day's interviews ------------------------------------------------------------

function sameDay(a, b) {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

function interviewRow(interview) {
  const application = byId("application", interview.data.application_id);
  const people = peopleOf(interview.id).length;
  const title = interview.data.title || "Interview";
  return h(
    "li",
    {},
    h(
      "a",
      { class: "row", href: `#/i/${interview.id}` },
      h("strong", {}, `${clockTime(interviewStart(interview))} · ${title}`),
      h("span", { class: "meta" }, [application?.data.company, plural(people, "person", "people")].filter(Boolean).join(" · "))
    )
  );
}

function mountHome() {
  const today = h("ul", { class: "plain" });
  const others = h("ul", { class: "plain" });
  const othersHeading = h("h2", {}, "Other interviews");
  const empty = h("p", {});
  view.replaceChildren(
    h("h1", { tabindex: "-1" }, "Today"),
    h("p", { class: "sub" }, new Date(serverNow()).toLocaleDateString([], { weekday: "long", day: "numeric", month: "long" })),
    today,
    empty,
    othersHeading,
    others
  );
  return {
    update() {
      const now = new Date(serverNow());
      const interviews = live(state.data.interview).sort((a, b) => (interviewStart(a) ?? 0) - (interviewStart(b) ?? 0));
      const isToday = (i) => interviewStart(i) != null && sameDay(new Date(interviewStart(i)), now);
      const rest = interviews
        .filter((i) => !isToday(i))
        .sort((a, b) => Math.abs((interviewStart(a) ?? 0) - now) - Math.abs((interviewStart(b) ?? 0) - now))
        .slice(0, 20);
      today.replaceChildren(...interviews.filter(isToday).map(interviewRow));
      others.replaceChildren(...rest.map(interviewRow));
      othersHeading.hidden = rest.length === 0;
      empty.hidden = today.childElementCount > 0;
      empty.textContent = interviews.length
        ? "No interviews today. Pick one below."
        : "No interviews on this phone yet. Open Afterword once with signal and signed in to load them.";
    },
  };
}

// --- screen: the people of one interview ----------------------------------------------------------

function peopleOf(interviewId) {
  return live(state.data.contact).filter((c) => (c.data.interview_ids ?? []).includes(interviewId));
}

function pointsOf(contactId) {
  return live(state.data.talking_point).filter((p) => p.data.contact_id === contactId);
}

function personRow(contact, interviewId) {
  const count = pointsOf(contact.id).length;
  const details = [contact.data.title, roleLabel(contact.data.role)].filter(Boolean).join(" · ");
  const pending = syncState(pendingFor(contact.id), serverNow()).pending;
  return h(
    "li",
    {},
    h(
      "a",
      { class: "person", href: `#/c/${contact.id}/${interviewId}` },
      h("span", { class: "name" }, contact.data.name),
      h("span", { class: "meta" }, details, pending ? " · on this phone only" : ""),
      h("span", { class: count ? "count" : "count zero" }, plural(count, "point"))
    )
  );
}

function addPersonForm(interview) {
  const input = h("input", {
    id: "person",
    name: "person",
    autocomplete: "off",
    enterkeyhint: "done",
    placeholder: "Dana Rivera, Engineering Manager",
    "aria-describedby": "person-hint",
  });
  const error = h("p", { class: "error", id: "person-error", hidden: true });
  const field = h(
    "div",
    { class: "field" },
    h("label", { for: "person" }, "Add a person"),
    input,
    h("p", { class: "hint", id: "person-hint" }, "Name and role in one line, with a comma between."),
    error
  );
  const form = h("form", { class: "stack", novalidate: true }, field, h("button", { type: "submit", class: "primary" }, "Add person"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    // One tap, one person: a second submit while the first is still saving is ignored.
    if (form.dataset.saving) return;
    form.dataset.saving = "1";
    try {
      await submitPerson();
    } finally {
      delete form.dataset.saving;
    }
  });

  async function submitPerson() {
    const person = parsePerson(input.value);
    const problem = person.error ?? (state.user ? "" : NO_USER);
    error.textContent = problem;
    error.hidden = !problem;
    field.classList.toggle("has-error", Boolean(problem));
    input.setAttribute("aria-describedby", problem ? "person-error person-hint" : "person-hint");
    if (problem) return input.focus();
    try {
      await addPerson(interview, person);
      input.value = "";
      state.screen?.update();
    } catch (failure) {
      error.textContent = `Could not save on this phone: ${failure.message}`;
      error.hidden = false;
    }
  }
  return form;
}

/** Add the person to the interview, reusing the application's contact of the same name. */
async function addPerson(interview, person) {
  const wanted = person.name.toLocaleLowerCase();
  const same = live(state.data.contact).find(
    (c) => c.data.application_id === interview.data.application_id && c.data.name.toLocaleLowerCase() === wanted
  );
  if (same) {
    const ids = [...new Set([...(same.data.interview_ids ?? []), interview.id])];
    return save("contact", same.id, { interview_ids: ids, title: same.data.title || person.title });
  }
  return save("contact", crypto.randomUUID(), {
    application_id: interview.data.application_id,
    name: person.name,
    title: person.title,
    role: person.role,
    email: "",
    interview_ids: [interview.id],
  });
}

function notOnPhone(what) {
  view.replaceChildren(
    h("p", { class: "crumbs" }, h("a", { href: "#/" }, "← Today")),
    h("h1", { tabindex: "-1" }, `This ${what} is not on this phone yet`),
    h("p", {}, "It appears here after the next sync with signal.")
  );
  return { update() {} };
}

function mountInterview(interviewId) {
  const interview = byId("interview", interviewId);
  if (!interview) return notOnPhone("interview");
  const heading = h("h1", { tabindex: "-1" });
  const sub = h("p", { class: "sub" });
  const people = h("ul", { class: "people" });
  const none = h("p", {}, "No one yet. Add the people you met below.");
  view.replaceChildren(
    h("p", { class: "crumbs" }, h("a", { href: "#/" }, "← Today")),
    heading,
    sub,
    h("h2", {}, "Who was there"),
    people,
    none,
    addPersonForm(interview),
    scanCard(interview, { save, saved: () => state.screen?.update(), contacts: () => live(state.data.contact), ready: () => Boolean(state.user), company: () => byId("application", interview.data.application_id)?.data.company ?? "" })
  );
  return {
    update() {
      const current = byId("interview", interviewId) ?? interview;
      const application = byId("application", current.data.application_id);
      heading.textContent = [clockTime(interviewStart(current)), current.data.title || "Interview"].filter(Boolean).join(" · ");
      sub.textContent = [application?.data.company, application?.data.role].filter(Boolean).join(" · ");
      const list = peopleOf(interviewId);
      people.replaceChildren(...list.map((contact) => personRow(contact, interviewId)));
      none.hidden = list.length > 0;
    },
  };
}

// --- screen: one person's talking points -----------------------------------------------------------

function draftKey(contactId) {
  return `afterword:draft:${contactId}`;
}

/** Keep what is typed in localStorage as it is typed: a reload or a crash loses nothing. */
function keepDraft(form, key) {
  const saved = localStorage.getItem(key);
  if (saved) form.elements.body.value = saved;
  form.elements.body.addEventListener("input", () => {
    if (form.elements.body.value) localStorage.setItem(key, form.elements.body.value);
    else localStorage.removeItem(key);
  });
}

function newPointForm(contactId, interviewId) {
  const form = pointForm();
  keepDraft(form, draftKey(contactId));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    // One tap, one point: a second submit while the first is still saving is ignored.
    if (form.dataset.saving) return;
    form.dataset.saving = "1";
    try {
      await saveNewPoint(form, contactId, interviewId);
    } finally {
      delete form.dataset.saving;
    }
  });
  return form;
}

async function saveNewPoint(form, contactId, interviewId) {
  // The benchmark reads save-to-visible from here to the point being in the list.
  performance.mark("afterword:save");
  const body = form.elements.body.value;
  const problem = pointProblem(form) || (state.user ? "" : NO_USER);
  showError(form, problem);
  if (problem) return form.elements.body.focus();
  const data = { contact_id: contactId, interview_id: interviewId || null, kind: form.elements.kind.value, body };
  let record;
  try {
    record = await save("talking_point", crypto.randomUUID(), data);
  } catch (failure) {
    return showError(form, `Could not save on this phone: ${failure.message}. Your text is still here.`);
  }
  // Only the new point is drawn (newest first): the save is visible in the same frame.
  state.screen.added(record);
  performance.measure("afterword:save-to-visible", "afterword:save");
  form.elements.body.value = "";
  localStorage.removeItem(draftKey(contactId));
}

function editForm(point) {
  // What the user is editing is the text as it was when Edit opened: saving over anything
  // newer (another tab, another device) keeps both texts.
  const opened = { version: point.version, rev: point.rev ?? 0 };
  const form = pointForm({ kind: point.data.kind, body: point.data.body, submitLabel: "Save changes" });
  const cancel = h("button", { type: "button", class: "secondary" }, "Cancel");
  form.querySelector(".form-actions").append(cancel);
  form.querySelector("[data-role=save]").classList.remove("big");
  form.querySelector(".form-actions").classList.add("two");
  cancel.addEventListener("click", () => {
    state.editing.delete(point.id);
    state.screen.update();
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (form.dataset.saving) return;
    const body = form.elements.body.value;
    const problem = pointProblem(form);
    showError(form, problem);
    if (problem) return form.elements.body.focus();
    form.dataset.saving = "1";
    try {
      await save("talking_point", point.id, { kind: form.elements.kind.value, body }, "upsert", opened);
    } catch (failure) {
      return showError(form, `Could not save on this phone: ${failure.message}. Your text is still here.`);
    } finally {
      delete form.dataset.saving;
    }
    state.editing.delete(point.id);
    state.screen.update();
  });
  return form;
}

async function deletePoint(point) {
  await save("talking_point", point.id, {}, "delete");
  state.undo = point;
  state.screen.update();
}

/** Bring a deleted point back: fold into the unsent delete, or re-create it if it synced. */
async function undoDelete() {
  const point = state.undo;
  state.undo = null;
  const synced = pendingFor(point.id).length === 0 && point.version != null;
  const id = synced ? crypto.randomUUID() : point.id;
  const { conflict_of: _ignored, ...data } = point.data;
  await save("talking_point", id, data);
  state.screen.update();
}

// Resolving a conflict is just new mutations, synced like any other change.
const resolutions = {
  async keepThis(point, copy) {
    await save("talking_point", copy.id, {}, "delete");
  },
  async keepOther(point, copy) {
    await save("talking_point", point.id, { kind: copy.data.kind, body: copy.data.body });
    await save("talking_point", copy.id, {}, "delete");
  },
  async keepBoth(point, copy) {
    // The copy itself becomes an ordinary point: chosen on two devices, still one copy.
    await save("talking_point", copy.id, { conflict_of: null });
  },
};

function conflictBlock(point, copy) {
  const act = (how) => async () => {
    await resolutions[how](point, copy);
    state.screen.update();
  };
  return h(
    "div",
    { class: "warn conflict" },
    h("p", {}, h("strong", {}, "Also changed on another device."), " Both versions are kept. The other version:"),
    copy.data.kind !== point.data.kind ? h("span", { class: "badge" }, kindLabel(copy.data.kind)) : null,
    h("p", { class: "conflict-text" }, copy.data.body),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "button", class: "secondary small", onclick: act("keepThis") }, "Keep this one"),
      h("button", { type: "button", class: "secondary small", onclick: act("keepOther") }, "Keep the other"),
      h("button", { type: "button", class: "secondary small", onclick: act("keepBoth") }, "Keep both")
    )
  );
}

function rejectedBlock(entry) {
  const act = (fn) => async () => {
    await fn(entry.seq, state.user?.user_id);
    await reload();
    state.screen.update();
    requestSync("retry");
  };
  return h(
    "div",
    { class: "warn" },
    h("p", { class: "error" }, `Not synced: ${entry.error}`),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "button", class: "secondary small", onclick: act(db.retry) }, "Try again"),
      h("button", { type: "button", class: "danger small", onclick: act(db.discard) }, "Discard change")
    )
  );
}

function pointItem(point, copies) {
  const status = syncState(pendingFor(point.id), serverNow());
  const short = point.data.body.length > 40 ? `${point.data.body.slice(0, 40)}…` : point.data.body;
  return h(
    "li",
    { class: "point", id: `point-${point.id}`, "data-state": status.pending ? "pending" : "synced" },
    h("span", { class: "badge" }, kindLabel(point.data.kind)),
    h("p", {}, point.data.body),
    stateLine(status),
    state.revived.has(point.id)
      ? h("p", { class: "warn revived", role: "status" }, "You deleted this here, but it was changed on another device, so it is back.")
      : null,
    staleWarning(status),
    status.rejected ? rejectedBlock(status.rejected) : null,
    copies.map((copy) => conflictBlock(point, copy)),
    h(
      "div",
      { class: "point-actions" },
      h("button", {
        type: "button",
        class: "secondary small",
        "aria-label": `Edit point: ${short}`,
        onclick: () => {
          state.editing.add(point.id);
          state.screen.update();
          document.querySelector(`#point-${CSS.escape(point.id)} textarea`)?.focus();
        },
      }, "Edit"),
      h("button", {
        type: "button",
        class: "secondary small",
        "aria-label": `Delete point: ${short}`,
        onclick: () => deletePoint(point),
      }, "Delete")
    )
  );
}

/** A point being edited keeps its form (and what is typed in it) across redraws. */
function editingItem(point, previous) {
  const item = previous ?? h("li", { class: "point editing", id: `point-${point.id}` }, editForm(point));
  const gone = item.querySelector(".gone");
  if (point.deleted && !gone) {
    item.prepend(
      h("p", { class: "warn gone", role: "status" }, "This point was deleted on another device. Your text is still here: save it to bring the point back.")
    );
  } else if (!point.deleted && gone) {
    gone.remove();
  }
  return item;
}

function undoBar() {
  if (!state.undo) return null;
  return h(
    "div",
    { class: "undo", role: "status" },
    h("span", {}, "Point deleted."),
    h("button", { type: "button", class: "secondary", onclick: undoDelete }, "Undo")
  );
}

function drawPoints(list, contactId) {
  // A point deleted elsewhere while its edit form is open stays, with what is typed in it.
  const editedGone = state.data.talking_point.filter(
    (p) => p.deleted && state.editing.has(p.id) && p.data.contact_id === contactId
  );
  const points = [...pointsOf(contactId), ...editedGone].sort((a, b) => b.created - a.created);
  const ids = new Set(points.map((p) => p.id));
  // A conflict copy is shown inside the point it belongs to, unless that point is gone.
  const copies = points.filter((p) => p.conflict_of && ids.has(p.conflict_of));
  const shown = points.filter((p) => !copies.includes(p));
  list.replaceChildren(
    ...shown.map((point) => {
      if (!state.editing.has(point.id)) return pointItem(point, copies.filter((c) => c.conflict_of === point.id));
      return editingItem(point, list.querySelector(`#point-${CSS.escape(point.id)}.editing`));
    })
  );
  return shown.length;
}

function mountContact(contactId, interviewId) {
  const contact = byId("contact", contactId);
  if (!contact) return notOnPhone("person");
  const interview = interviewId ? byId("interview", interviewId) : null;
  const back = interview
    ? h("a", { href: `#/i/${interview.id}` }, `← ${interview.data.title || "Interview"}`)
    : h("a", { href: "#/" }, "← Today");
  const heading = h("h1", { tabindex: "-1" });
  const sub = h("p", { class: "sub" });
  const undo = h("div", {});
  const count = h("h2", {});
  const list = h("ul", { class: "points" });
  const none = h("p", {}, "No points yet. What did you talk about? What do you have in common? What did you promise to send?");
  state.editing.clear();
  state.undo = null;
  view.replaceChildren(
    h("p", { class: "crumbs" }, back),
    heading,
    sub,
    newPointForm(contactId, interview?.id),
    undo,
    count,
    list,
    none
  );
  const counted = (shown) => {
    count.textContent = `Points (${shown})`;
    none.hidden = shown > 0;
  };
  return {
    added(point) {
      list.prepend(pointItem(point, []));
      counted(list.childElementCount);
    },
    update() {
      const current = byId("contact", contactId) ?? contact;
      heading.textContent = current.data.name;
      sub.textContent = [current.data.title, roleLabel(current.data.role)].filter(Boolean).join(" · ");
      undo.replaceChildren(...[undoBar()].filter(Boolean));
      counted(drawPoints(list, contactId));
    },
  };
}

// --- routing and start-up ------------------------------------------------------------------

function signedOut() {
  view.replaceChildren(
    h("h1", { tabindex: "-1" }, "Signed out"),
    h("p", {}, "Sign in to see your interviews and notes on this phone. Nothing saved here is lost.")
  );
  return { update() {} };
}

function mountRoute(event) {
  const [, screen, id, extra] = location.hash.split("/");
  // Only the account the server last confirmed is ever shown.
  if (!state.user) state.screen = signedOut();
  else if (screen === "i" && id) state.screen = mountInterview(id);
  else if (screen === "c" && id) state.screen = mountContact(id, extra);
  else state.screen = mountHome();
  state.screen.update();
  // After a tap to another screen, a screen reader starts at its heading (not on first load).
  if (event?.type === "hashchange") view.querySelector("h1")?.focus({ preventScroll: true });
}

function drawStatus() {
  renderStatus(statusLine, { sync: state.sync, outbox: state.data.outbox, user: state.user });
}

async function onSyncStatus(status) {
  state.sync = status;
  const before = state.user?.user_id;
  if (status.state !== "syncing") {
    // Any run that reached the server has set its clock; redraw dates and warnings by it.
    const offset = (await db.getMeta("clock_offset")) ?? 0;
    if (offset !== state.clockOffset) {
      state.clockOffset = offset;
      state.screen?.update();
    }
  }
  if (status.state === "synced" || status.state === "signed_out") {
    await reload();
    const back = await db.takeRevived(live(state.data.talking_point).map((p) => p.id));
    for (const id of back) state.revived.add(id);
    // Another account signed in on this phone: its records, not the last one's.
    if (state.user?.user_id !== before) mountRoute();
    else state.screen?.update();
  }
  drawStatus();
}

async function start() {
  try {
    await reload();
  } catch (failure) {
    statusLine.className = "warn";
    statusLine.textContent = `This browser cannot store points on the phone (${failure.message}). Use the full site while online.`;
    return;
  }
  mountRoute();
  drawStatus();
  window.addEventListener("hashchange", mountRoute);
  requestSync = startSync(onSyncStatus);
}

start();
