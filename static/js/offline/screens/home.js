// Screen #/: the day's interviews, today's first.

import { byId, interviewStart, live, peopleOf, serverNow, state } from "../store.js";
import { clockTime, h, plural } from "../view.js";
import { view } from "./common.js";

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

export function mountHome() {
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
      // A phone that has loaded this account has nothing to wait for: the account has no interviews.
      empty.textContent = interviews.length
        ? "No interviews today. Pick one below."
        : state.user
          ? "No interviews yet. Add one on the full site, and it will be here even with no signal."
          : "No interviews on this phone yet. Open Afterword once with signal and signed in to load them.";
    },
  };
}
