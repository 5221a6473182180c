// Screen #/i/<interview>: the people of one interview, and adding someone (typed or scanned).

import { parsePerson } from "../person.js";
import { scanCard } from "../scan.js";
import { byId, interviewStart, live, pendingFor, peopleOf, pointsOf, save, serverNow, state } from "../store.js";
import { clockTime, h, plural, syncState } from "../view.js";
import { NO_USER, notOnPhone, roleLabel, view } from "./common.js";

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

export function mountInterview(interviewId) {
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
