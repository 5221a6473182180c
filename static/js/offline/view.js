// DOM building blocks shared by the capture and share screens. User text only ever goes in
// through textContent, never innerHTML, so a pasted "<script>" stays text.

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Create an element: h("a", {href: "#/"}, "Today", child, ...). */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    if (name === "class") element.className = value;
    else if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/**
 * A talking point's row, cloned from the page's <template id="point-row">: the server renders
 * it with the same frame as its own rows (templates/capture/_point.html), so the markup is
 * written once. Text goes in through textContent only.
 */
export function pointRow(kind, body, id = null) {
  const item = document.getElementById("point-row").content.firstElementChild.cloneNode(true);
  if (id) item.id = `point-${id}`;
  item.querySelector(".badge").textContent = kind;
  item.querySelector(".badge + p").textContent = body;
  return item;
}

let formCount = 0;

/**
 * A fresh point form from the page's <template>. Ids are made unique per copy, so every
 * label still points at its own control when several edit forms are open.
 */
export function pointForm({ kind = "topic", body = "", submitLabel = "Save point" } = {}) {
  const prefix = `f${++formCount}-`;
  const form = document.getElementById("point-form").content.firstElementChild.cloneNode(true);
  for (const element of form.querySelectorAll("[data-id]")) element.id = prefix + element.dataset.id;
  for (const label of form.querySelectorAll("label[data-for]")) label.htmlFor = prefix + label.dataset.for;
  const chosen = form.querySelector(`input[name="kind"][value="${CSS.escape(kind)}"]`);
  if (chosen) chosen.checked = true;
  form.elements.body.value = body;
  form.querySelector("[data-role=save]").textContent = submitLabel;
  return form;
}

let kindLabels = null;

/** The label the page's template gives a kind of point (one vocabulary, from the server). */
export function kindLabel(kind) {
  kindLabels ??= new Map(
    [...document.getElementById("point-form").content.querySelectorAll("input[name=kind]")].map(
      (input) => [input.value, input.nextElementSibling.textContent]
    )
  );
  return kindLabels.get(kind) ?? kind;
}

/** Show a message under the text box, and tie it to the box for screen readers. */
export function showError(form, message) {
  const error = form.querySelector("[data-role=error]");
  const body = form.elements.body;
  error.id = `${body.id}-error`;
  error.textContent = message;
  error.hidden = !message;
  form.querySelector(".field").classList.toggle("has-error", Boolean(message));
  if (message) {
    body.setAttribute("aria-invalid", "true");
    body.setAttribute("aria-describedby", error.id);
  } else {
    body.removeAttribute("aria-invalid");
    body.removeAttribute("aria-describedby");
  }
}

/** Why the text in a point form cannot be saved, or "" if it can. The longest point the
 * server takes comes with the form (data-limit on its text box), so it is said once. */
export function pointProblem(form) {
  const body = form.elements.body.value;
  const max = Number(form.elements.body.dataset.limit);
  if (!body.trim()) return "Type the point first.";
  if (body.length > max) {
    return `Keep a point under ${max.toLocaleString("en")} characters (now ${body.length.toLocaleString("en")}).`;
  }
  return "";
}

/** The sync state of one record, as the user should read it. */
export function syncState(entries, now = Date.now()) {
  if (!entries?.length) return { text: "Synced", pending: false };
  const rejected = entries.find((entry) => entry.status === "rejected");
  const oldest = Math.min(...entries.map((entry) => entry.queued_at));
  return {
    text: "On this phone only",
    pending: true,
    rejected,
    stale: now - oldest > DAY_MS,
  };
}

/** The small line under an item: synced, or on this phone only (with why, if it matters). */
export function stateLine(state) {
  const line = h("p", { class: state.pending ? "hint state pending" : "hint state synced" }, state.text);
  line.dataset.state = state.pending ? "pending" : "synced";
  return line;
}

export function staleWarning(state) {
  if (!state.stale) return null;
  return h(
    "p",
    { class: "warn" },
    "Not synced for over 24 hours. Open Afterword somewhere with signal, signed in, to sync it."
  );
}

/** Local clock time of a server time (naive UTC ISO). */
export function clockTime(ms) {
  if (ms == null) return "";
  return new Date(ms).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

export function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}
