// The share target: another app shared a link or some text into Afterword. File it as a
// talking point on a person, through the same outbox as every other save, so it works
// with no signal too.

import * as db from "./db.js";
import { renderStatus } from "./status.js";
import { registerBackgroundSync, startSync } from "./sync.js";
import { h, pointForm, pointProblem, showError } from "./view.js";

const POINT_MAX = 2000;

const view = document.getElementById("view");
const statusLine = document.getElementById("sync-status");
let user = null;
let outbox = [];

/** Title, text and link as one point; a link the text already holds is not repeated. */
function sharedText(params) {
  const title = (params.get("title") ?? "").trim();
  const text = (params.get("text") ?? "").trim();
  const url = (params.get("url") ?? "").trim();
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

function draw(data, params) {
  const hasLink = Boolean(params.get("url")) || /https?:\/\//.test(params.get("text") ?? "");
  const form = pointForm({ kind: hasLink ? "their_work" : "other", body: sharedText(params) });
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
      pointProblem(body, POINT_MAX) ||
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
    // The person's screen shows it with its sync state; its own loop syncs it.
    location.assign(`/capture#/c/${contactId}${interviewId ? `/${interviewId}` : ""}`);
  });
  view.replaceChildren(form);
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
  draw(data, params);
  startSync(refreshStatus);
}

start();
