// Register the service worker, so the capture island opens with no signal after one visit.
// Included by every page: the first online visit anywhere on the site is enough.

if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch((error) => {
    // Without it the site still works online; offline capture waits for the next visit.
    console.warn("Afterword could not install its offline support:", error);
  });
}
