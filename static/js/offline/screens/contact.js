// Screen #/c/<person>/<interview>: one person's talking points: add, edit, delete and undo,
// resolve a conflict, retry or discard a change the server refused.

import * as db from "../db.js";
import { byId, pendingFor, pointsOf, reload, requestSync, save, serverNow, state } from "../store.js";
import { h, kindLabel, pointForm, pointProblem, pointRow, showError, staleWarning, stateLine, syncState } from "../view.js";
import { NO_USER, notOnPhone, roleLabel, view } from "./common.js";

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
  const item = pointRow(kindLabel(point.data.kind), point.data.body, point.id);
  item.dataset.state = status.pending ? "pending" : "synced";
  const actions = item.querySelector(".point-actions");
  actions.before(
    ...[
      stateLine(status),
      state.revived.has(point.id)
        ? h("p", { class: "warn revived", role: "status" }, "You deleted this here, but it was changed on another device, so it is back.")
        : null,
      staleWarning(status),
      status.rejected ? rejectedBlock(status.rejected) : null,
      ...copies.map((copy) => conflictBlock(point, copy)),
    ].filter(Boolean)
  );
  const edit = actions.querySelector("[data-role=edit]");
  edit.setAttribute("aria-label", `Edit point: ${short}`);
  edit.addEventListener("click", () => {
    state.editing.add(point.id);
    state.screen.update();
    document.querySelector(`#point-${CSS.escape(point.id)} textarea`)?.focus();
  });
  const remove = actions.querySelector("[data-role=delete]");
  remove.setAttribute("aria-label", `Delete point: ${short}`);
  remove.addEventListener("click", () => deletePoint(point));
  return item;
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

export function mountContact(contactId, interviewId) {
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
