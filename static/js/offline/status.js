// The status line at the top of the island: what is waiting, and what the user can do.
// Nothing waits silently: a count is always shown, and a sign-in link when one is needed.

import { h, plural } from "./view.js";

const SIGN_IN = "/login?next=/capture";

function counts(outbox, user) {
  const mine = user ? outbox.filter((e) => e.user_id === user.user_id) : outbox;
  const others = user ? outbox.filter((e) => e.user_id !== user.user_id) : [];
  return { mine, others, rejected: mine.filter((e) => e.status === "rejected") };
}

function mainLine(sync, mine, rejected) {
  const waiting = plural(mine.length, "change");
  switch (sync.state) {
    case "signed_out":
      // Whoever signs in next may be any account: count everything waiting on the phone.
      return mine.length
        ? h("a", { href: SIGN_IN }, `Sign in to sync ${plural(mine.length, "item")}`)
        : h("a", { href: SIGN_IN }, "Sign in to load your interviews");
    case "offline":
      return mine.length
        ? `No signal. ${waiting} on this phone only; ${mine.length === 1 ? "it syncs by itself" : "they sync by themselves"} when the signal returns.`
        : "No signal. Everything you saved is synced; new points are kept on this phone.";
    case "unreachable":
    case "error":
      return mine.length
        ? `Cannot reach Afterword yet; trying again in a few seconds. ${waiting} on this phone only.`
        : "Cannot reach Afterword yet; trying again in a few seconds.";
    case "syncing":
      return mine.length ? `Syncing ${waiting}…` : "Checking for changes…";
    case "synced":
      if (rejected.length) return `${plural(rejected.length, "change")} could not be synced; see the items marked below.`;
      return mine.length ? `${waiting} waiting to sync.` : "Everything is synced.";
    default:
      return mine.length ? `${waiting} on this phone only.` : "Loading…";
  }
}

function othersLine(others) {
  if (!others.length) return null;
  const emails = [...new Set(others.map((e) => e.email).filter(Boolean))].join(", ") || "another account";
  return h(
    "p",
    {},
    `${plural(others.length, "change")} saved while signed in as ${emails} ${others.length === 1 ? "is" : "are"} kept on this phone. `,
    h("a", { href: SIGN_IN }, `Sign in as ${emails} to sync them`),
    "."
  );
}

/** Redraw the status line from the last sync state and the outbox. */
export function renderStatus(element, { sync, outbox, user }) {
  const signedOut = sync.state === "signed_out";
  const { mine, others, rejected } = counts(outbox, signedOut ? null : user);
  const needsAction = sync.state === "signed_out" || rejected.length > 0 || others.length > 0;
  element.className = needsAction ? "warn" : "flash";
  element.dataset.state = sync.state;
  element.dataset.waiting = String(mine.length);
  const extra = othersLine(others);
  element.replaceChildren(...(extra ? [h("p", {}, mainLine(sync, mine, rejected)), extra] : [mainLine(sync, mine, rejected)]));
}
