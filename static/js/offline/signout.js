// Sign-out on a shared phone. Before the server forgets the session, push what this account
// still has waiting on the phone; if some of it cannot go (no signal), say so and let the
// user wait for signal or discard it. Then forget this account's copy on the phone (the
// IndexedDB records and queue, the half-typed drafts), so the next person sees nothing of it.
// The server's answer adds Clear-Site-Data: "cache" for the pages the browser kept. Every
// full-site page also tells the island whom the server says is signed in.

import * as db from "./db.js";
import { pushBeforeSignOut, startSync } from "./sync.js";
import { h, plural } from "./view.js";

const DRAFT_PREFIX = "afterword:draft:";

function forgetDrafts() {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith(DRAFT_PREFIX)) localStorage.removeItem(key);
  }
}

async function leave(form, userId) {
  try {
    await db.forgetAccount(userId);
  } catch {
    // A browser that cannot open IndexedDB has nothing stored in it either.
  }
  forgetDrafts();
  form.dataset.cleared = "1";
  form.submit();
}

function notesLeft(count) {
  return `${plural(count, "note")} ${count === 1 ? "is" : "are"} still on this phone only.`;
}

/** Ask what to do with notes that could not be sent. */
function askAboutLeftovers(form, userId, count) {
  document.getElementById("sign-out-choice")?.remove();
  const them = count === 1 ? "it" : "them";
  const message = h("p", {}, h("strong", {}, notesLeft(count)), ` Signing out now would lose ${them}.`);
  const wait = h("button", { type: "button", class: "primary" }, "Wait for signal");
  const discard = h("button", { type: "button", class: "danger" }, `Discard ${them} and sign out`);
  const box = h(
    "div",
    { id: "sign-out-choice", class: "warn", role: "alertdialog", "aria-labelledby": "sign-out-title" },
    h("h2", { id: "sign-out-title" }, "Not signed out yet"),
    message,
    h("div", { class: "actions" }, wait, discard)
  );
  discard.addEventListener("click", () => leave(form, userId));
  wait.addEventListener("click", () => {
    wait.remove();
    message.replaceChildren(
      h("strong", {}, notesLeft(count)),
      " You stay signed in; they sync when the signal returns, and then you are signed out."
    );
    // The sync loop keeps trying; once nothing of this account waits, sign-out completes.
    startSync(async (status) => {
      if (status.state !== "synced") return;
      const left = (await db.outboxEntries()).filter((entry) => entry.user_id === userId).length;
      if (left === 0 && !form.dataset.cleared) await leave(form, userId);
    });
  });
  document.getElementById("main").prepend(box);
  wait.focus();
}

/**
 * Every full-site page is the server's word on who is signed in: the island, even opened later
 * with no signal, shows that account's notes or, signed out, no one's.
 */
export async function followServerAccount() {
  try {
    const names = (await indexedDB.databases?.()) ?? [];
    if (!names.some((found) => found.name === "afterword")) return;
    const form = document.querySelector("form[data-sign-out]");
    const confirmed = form ? { user_id: Number(form.dataset.userId), email: form.dataset.userEmail } : null;
    const known = await db.getMeta("user");
    if ((known?.user_id ?? null) !== (confirmed?.user_id ?? null)) await db.setMeta("user", confirmed);
  } catch {
    // No IndexedDB here: the island cannot show anything either.
  }
}

export function enableSignOut() {
  for (const form of document.querySelectorAll("form[data-sign-out]")) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (form.dataset.busy) return;
      form.dataset.busy = "1";
      const userId = Number(form.dataset.userId);
      try {
        const left = await pushBeforeSignOut(userId);
        if (left) askAboutLeftovers(form, userId, left);
        else await leave(form, userId);
      } catch {
        await leave(form, userId);
      } finally {
        delete form.dataset.busy;
      }
    });
  }
}
