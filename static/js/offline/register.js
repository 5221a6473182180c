// Register the service worker, so the capture island opens with no signal after one visit.
// Included by every page: the first online visit anywhere on the site is enough.
//
// A first install can fail: the shell is many files, and a lobby's signal can drop halfway.
// The browser then discards the worker and would only try again on the next page load, so
// this page tries again itself (after a pause, and when the signal returns) until one is active.

const RETRY_DELAYS_MS = [2000, 10000, 30000, 60000];

function install(attempt = 0) {
  navigator.serviceWorker
    .register("/sw.js", { scope: "/" })
    .then((registration) => watch(registration, attempt))
    .catch((error) => {
      // Without it the site still works online; offline capture waits for a later try.
      console.warn("Afterword could not install its offline support:", error);
      retry(attempt);
    });
}

function watch(registration, attempt) {
  const worker = registration.installing;
  if (!worker || registration.active) return;
  worker.addEventListener("statechange", () => {
    if (worker.state === "redundant" && !registration.active) retry(attempt);
  });
}

function retry(attempt) {
  if (attempt >= RETRY_DELAYS_MS.length) return;
  const again = () => {
    window.removeEventListener("online", again);
    clearTimeout(timer);
    install(attempt + 1);
  };
  const timer = setTimeout(again, RETRY_DELAYS_MS[attempt]);
  window.addEventListener("online", again);
}

// A page that loaded while the worker was activating is left out of its claim, so the worker's
// sync wake-ups would never reach it: once a worker is ready, an uncontrolled page asks to join.
function join() {
  navigator.serviceWorker.ready.then((registration) => {
    if (!navigator.serviceWorker.controller) registration.active?.postMessage({ type: "claim" });
  });
}

if ("serviceWorker" in navigator) {
  install();
  join();
}
