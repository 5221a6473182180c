// Small enhancements of server-rendered pages; each works without the others.
import { enableAutosaveRecovery } from "./autosave.js";
import { enableCopyButtons } from "./copy.js";
import { enableCounters } from "./counter.js";
import { enableDownloads } from "./download.js";
import { enableOfflineFallback } from "./offline/fallback.js";
import { enableSignOut, followServerAccount } from "./offline/signout.js";

// Show-password toggle instead of a second password field.
for (const button of document.querySelectorAll("[data-show-password]")) {
  const input = document.getElementById(button.dataset.showPassword);
  if (!input) continue;
  button.addEventListener("click", () => {
    const show = input.type === "password";
    input.type = show ? "text" : "password";
    button.textContent = show ? "Hide" : "Show";
    button.setAttribute("aria-pressed", String(show));
  });
}

// Registration learns the phone's time zone, so deadlines are on the user's clock.
for (const input of document.querySelectorAll("input[data-timezone]")) {
  if (!input.value) input.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

enableCopyButtons();
enableCounters();
// htmx swaps in a fresh form after each save: count its box too.
document.addEventListener("htmx:afterSettle", (event) => enableCounters(event.target));
enableDownloads();
enableAutosaveRecovery();
enableOfflineFallback();
enableSignOut();
followServerAccount();
