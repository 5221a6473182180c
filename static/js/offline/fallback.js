// The full site's "Save point" with no signal: instead of failing, the point goes into the
// same IndexedDB outbox the offline screen uses (written before anything is shown), appears
// in the list as "on this phone only", and the sync loop takes it to the server later.
import * as db from "./db.js";
import { registerBackgroundSync, startSync } from "./sync.js";
import { pointRow } from "./view.js";

let requestSync = null;

async function keepOnPhone(form) {
  const body = form.elements.body.value.trim();
  const kind = form.querySelector('input[name="kind"]:checked')?.value || "topic";
  if (!body) return false;
  const data = {
    contact_id: form.dataset.contactId,
    interview_id: form.elements.interview_id?.value || null,
    kind,
    body,
  };
  const user = { user_id: Number(form.dataset.userId), email: form.dataset.userEmail };
  // The id the server gave the form: if the POST did arrive and only its answer was lost,
  // the queued copy names the same point and the server keeps one.
  const id = form.elements.point_id?.value || crypto.randomUUID();
  await db.saveChange({ entity: "talking_point", id, data, user });
  const label = form.querySelector('input[name="kind"]:checked + label')?.textContent || "Point";
  let list = document.querySelector("#capture ul.points");
  if (!list) {
    list = document.createElement("ul");
    list.className = "points";
    form.after(list);
  }
  list.append(pointRow(label, body));
  form.elements.body.value = "";
  // The next point typed in this form is a new one.
  if (form.elements.point_id) form.elements.point_id.value = crypto.randomUUID();
  requestSync ??= startSync(() => {});
  requestSync();
  registerBackgroundSync();
  return true;
}

export function enableOfflineFallback() {
  document.addEventListener("htmx:sendError", async (event) => {
    const form = event.detail.elt.closest?.("form[data-offline-point]");
    if (!form) return;
    let saved = false;
    try {
      saved = await keepOnPhone(form);
    } catch {
      saved = false;
    }
    const note = form.querySelector(".offline-note") ?? document.createElement("p");
    note.className = "offline-note " + (saved ? "flash" : "error");
    note.setAttribute("role", "status");
    note.textContent = saved
      ? "No signal: saved on this phone. It syncs by itself when the signal returns."
      : "No signal, and this phone could not keep the point. Your text is still here.";
    form.prepend(note);
  });
}
