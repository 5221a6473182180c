// The share target: another app shared a link, some text or a calendar invite into Afterword.
// Text is filed as a talking point on a person, through the same outbox as every other save,
// so it works with no signal too. An invite (.ics) is read on the server, into the review step
// of the application it is for. The shared things arrive by POST (see inbox.js), never in
// the address, so they never reach an access log.

import * as db from "./db.js";
import { forgetShared, sharedItem } from "./inbox.js";
import { renderStatus } from "./status.js";
import { registerBackgroundSync, startSync } from "./sync.js";
import { h, pointForm, pointProblem, showError } from "./view.js";

const view = document.getElementById("view");
const statusLine = document.getElementById("sync-status");
let user = null;
let outbox = [];

/** Title, text and link as one point; a link the text already holds is not repeated. */
function sharedText(shared) {
  const title = (shared?.title ?? "").trim();
  const text = (shared?.text ?? "").trim();
  const url = (shared?.url ?? "").trim();
  const parts = [title, text];
  if (url && !text.includes(url)) parts.push(url);
  return parts.filter(Boolean).join("\n");
}

/** Everyone on this phone, the people of the newest interviews first. */
function people(data) {
  const companies = new Map(data.application.map((a) => [a.id, a.data.company]));
  const starts = new Map(data.interview.map((i) => [i.id, db.parseTime(i.data.starts_at) ?? 0]));
  const latest = (c) => Math.max(0, ...(c.data.interview_ids ?? []).map((id) => starts.get(id) ?? 0));
  return data.contact
    .filter((c) => !c.deleted)
    .map((c) => ({ contact: c, company: companies.get(c.data.application_id) ?? "", latest: latest(c) }))
    .sort((a, b) => b.latest - a.latest);
}

function personChoice({ contact, company }, index) {
  const id = `who-${index}`;
  const label = company ? `${contact.data.name} (${company})` : contact.data.name;
  // The same tap-a-chip control as the kinds of point below it.
  return h(
    "span",
    { class: "chip" },
    h("input", { type: "radio", name: "contact", value: contact.id, id }),
    h("label", { for: id }, label)
  );
}

function latestInterview(contact, data) {
  const ids = contact.data.interview_ids ?? [];
  const interviews = data.interview.filter((i) => ids.includes(i.id) && !i.deleted);
  interviews.sort((a, b) => (db.parseTime(b.data.starts_at) ?? 0) - (db.parseTime(a.data.starts_at) ?? 0));
  return interviews[0]?.id ?? null;
}

function localDay() {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

/** A shared invite: pick its application, then the server reads it into the review step. */
function inviteBlock(invite, data) {
  const section = h("section", { class: "stack", "aria-labelledby": "invite-heading" });
  section.append(h("h2", { id: "invite-heading" }, `Calendar invite: ${invite.name || "invite.ics"}`));
  if (invite.error) {
    section.append(h("p", { class: "error", role: "alert" }, invite.error));
    return section;
  }
  const applications = data.application.filter((a) => !a.deleted);
  const form = h("form", { class: "stack", novalidate: true });
  form.append(
    h(
      "fieldset",
      { class: "kinds" },
      h("legend", {}, "Which application is it for?"),
      applications.length
        ? applications.map((a, i) =>
            h(
              "span",
              { class: "chip" },
              h("input", { type: "radio", name: "application", value: a.id, id: `app-${i}`, checked: i === 0 }),
              h("label", { for: `app-${i}` }, [a.data.company, a.data.role].filter(Boolean).join(" · "))
            )
          )
        : h("p", {}, "No applications on this phone yet. Open Afterword with signal and add one; the invite stays here.")
    ),
    h("p", { class: "error", "data-role": "error", hidden: true, role: "alert" }),
    h("button", { type: "submit", class: "primary big" }, "Read the invite")
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const error = form.querySelector("[data-role=error]");
    const say = (message) => {
      error.textContent = message;
      error.hidden = !message;
    };
    const applicationId = form.querySelector("input[name=application]:checked")?.value;
    if (!applicationId) return say("Choose the application first.");
    if (!navigator.onLine) return say("No signal now. The invite stays on this phone: open Share again when you have signal.");
    let session;
    try {
      const response = await fetch("/api/session", { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } });
      if (!response.ok || response.redirected) return say("Sign in to Afterword first; the invite stays on this phone.");
      session = await response.json();
    } catch {
      return say("No signal now. The invite stays on this phone: open Share again when you have signal.");
    }
    const file = new File([invite.text], invite.name || "invite.ics", { type: "text/calendar" });
    const files = new DataTransfer();
    files.items.add(file);
    const upload = h("input", { type: "file", name: "invite", hidden: true });
    upload.files = files.files;
    const post = h(
      "form",
      { method: "post", action: `/applications/${encodeURIComponent(applicationId)}/schedule`, enctype: "multipart/form-data", hidden: true },
      h("input", { type: "hidden", name: "csrf_token", value: session.csrf_token }),
      h("input", { type: "hidden", name: "day", value: localDay() }),
      h("input", { type: "hidden", name: "action", value: "check" }),
      upload
    );
    document.body.append(post);
    await forgetShared("invite");
    post.submit();
  });
  section.append(form);
  return section;
}

function draw(data, shared) {
  if (shared?.invite) {
    const block = inviteBlock(shared.invite, data);
    if (!sharedText(shared)) return view.replaceChildren(block);
    view.replaceChildren(block);
  }
  const hasLink = Boolean(shared?.url) || /https?:\/\//.test(shared?.text ?? "");
  const form = pointForm({ kind: hasLink ? "their_work" : "other", body: sharedText(shared) });
  const choices = people(data);
  const who = h(
    "fieldset",
    { class: "kinds" },
    h("legend", {}, "Whose point is it?"),
    choices.length
      ? choices.map(personChoice)
      : h("p", {}, "No people on this phone yet. Open Afterword with signal to load them; this text stays here.")
  );
  form.prepend(who);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = form.elements.body.value;
    const contactId = form.querySelector("input[name=contact]:checked")?.value;
    const problem =
      pointProblem(form) ||
      (contactId ? "" : "Choose the person this is about.") ||
      (user ? "" : "Open Afterword once while online and signed in first. Your text is still here.");
    showError(form, problem);
    if (problem) return;
    const contact = data.contact.find((c) => c.id === contactId);
    const interviewId = latestInterview(contact, data);
    try {
      await db.saveChange({
        entity: "talking_point",
        id: crypto.randomUUID(),
        data: { contact_id: contactId, interview_id: interviewId, kind: form.elements.kind.value, body },
        user,
      });
    } catch (failure) {
      return showError(form, `Could not save on this phone: ${failure.message}. Your text is still here.`);
    }
    registerBackgroundSync();
    await forgetShared(shared?.invite ? "text" : null);
    // The person's screen shows it with its sync state; its own loop syncs it.
    location.assign(`/capture#/c/${contactId}${interviewId ? `/${interviewId}` : ""}`);
  });
  if (shared?.invite) view.append(h("h2", {}, "The shared text, as a talking point"), form);
  else view.replaceChildren(form);
}

async function refreshStatus(sync) {
  user = (await db.getMeta("user")) ?? null;
  outbox = await db.outboxEntries();
  renderStatus(statusLine, { sync, outbox, user });
}

async function start() {
  const params = new URLSearchParams(location.search);
  user = (await db.getMeta("user")) ?? null;
  const data = await db.loadAll(user?.user_id);
  draw(data, await sharedItem(params));
  startSync(refreshStatus);
}

start();
