// The capture island: today's interviews → the people in one → their talking points, drawn
// from IndexedDB so it works with no signal. Every save is committed on the phone before it
// is shown; the sync loop takes it to the server later.
//
// Screens are picked by the address after "#": #/ (interviews, screens/home.js),
// #/i/<interview> (screens/interview.js), #/c/<person>/<interview> (screens/contact.js).
// Each screen is mounted once (its forms keep what is typed) and its lists are redrawn
// whenever the data changes. What the phone holds, and saving it, is store.js.

import * as db from "./db.js";
import { signedOut, view } from "./screens/common.js";
import { mountContact } from "./screens/contact.js";
import { mountHome } from "./screens/home.js";
import { mountInterview } from "./screens/interview.js";
import { renderStatus } from "./status.js";
import { connect, live, reload, state } from "./store.js";
import { registerBackgroundSync, startSync } from "./sync.js";

let requestSync = () => {};

const statusLine = document.getElementById("sync-status");

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

// --- routing and start-up ------------------------------------------------------------------

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

connect({ saved: afterSave, sync: (reason) => requestSync(reason) });
start();
