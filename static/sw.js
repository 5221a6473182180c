// Afterword's service worker: the offline island's shell comes from Cache Storage, everything
// else from the network. Served by blueprints/pwa.py at /sw.js (root scope), which stamps in
// the shell version (a digest of the shell) and the list of shell URLs.
//
// User data never goes into Cache Storage: /api/* and non-GET requests are never touched, and
// the outbox lives in IndexedDB, which a new version of this worker leaves alone.

const SHELL_VERSION = "__SHELL_VERSION__";
const SHELL_URLS = ["__SHELL_URLS__"];
const PREFIX = "afterword-shell-";
const SHELL_CACHE = PREFIX + SHELL_VERSION;
const SHELL_PATHS = new Set(SHELL_URLS);
const FALLBACK_PAGE = "/capture";

self.addEventListener("install", (event) => {
  // `reload` skips the HTTP cache, so a new version never precaches an old file.
  const requests = SHELL_URLS.map((url) => new Request(url, { cache: "reload", credentials: "omit" }));
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(requests))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  // Only old shell caches go; IndexedDB (records and the outbox) is never touched here.
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== SHELL_CACHE).map((name) => caches.delete(name)))
      )
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  if (SHELL_PATHS.has(url.pathname)) {
    event.respondWith(fromShell(request, url.pathname));
  } else if (request.mode === "navigate") {
    event.respondWith(pageOrIsland(request));
  }
});

/** Cache first: the shell is versioned, so a cached copy is the right one. */
async function fromShell(request, path) {
  // Matched by path: /share?text=... and /capture are one cached page each.
  const cached = await caches.match(path, { cacheName: SHELL_CACHE });
  return cached ?? fetch(request);
}

/** Other pages come from the network; with no network, the capture island rather than an error. */
async function pageOrIsland(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const island = await caches.match(FALLBACK_PAGE, { cacheName: SHELL_CACHE });
    if (island) return island;
    throw error;
  }
}

// A page that opened while this worker was activating can miss the claim above (the browser
// only claims pages that exist by then). Such a page asks once it has loaded; see register.js.
self.addEventListener("message", (event) => {
  if (event.data?.type === "claim") event.waitUntil(self.clients.claim());
});

// Background Sync, where the browser has it: wake the open pages, whose loop does the sync.
self.addEventListener("sync", (event) => {
  if (event.tag !== "afterword-sync") return;
  event.waitUntil(
    self.clients.matchAll({ type: "window" }).then((clients) => {
      for (const client of clients) client.postMessage({ type: "sync" });
    })
  );
});

// --- The share target (POST, multipart) -------------------------------------------------------------
// "Share > Afterword" posts title, text, url and an .ics file here. The service worker keeps
// them in IndexedDB (never in Cache Storage, never in a URL, so never in an access log) and
// opens the share page, which reads them from there: with no signal too. Without a worker the
// server answers the POST itself (blueprints/pwa.py).
const INBOX_DB = "afterword-share";
const INVITE_MAX = 1024 * 1024;

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "POST" || url.origin !== self.location.origin || url.pathname !== "/share") return;
  event.respondWith(receiveShare(event.request));
});

async function receiveShare(request) {
  const form = await request.formData();
  const shared = { title: form.get("title") ?? "", text: form.get("text") ?? "", url: form.get("url") ?? "", at: Date.now() };
  const file = form.getAll("invite").find((item) => typeof item !== "string" && item.size);
  if (file) {
    shared.invite =
      file.size > INVITE_MAX
        ? { name: file.name, error: `That file is ${(file.size / 1048576).toFixed(1)} MiB; a calendar invite is at most 1 MiB.` }
        : { name: file.name, type: file.type, text: await file.text() };
  }
  await new Promise((resolve, reject) => {
    const open = indexedDB.open(INBOX_DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore("inbox");
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction("inbox", "readwrite");
      tx.objectStore("inbox").put(shared, "latest");
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    };
  });
  return Response.redirect("/share?shared=1", 303);
}

// --- The business-card reader's files (tesseract.js, its English data, jsQR) -------------------------
// About 6 MB, so not in the shell: fetched the first time a card is scanned, then kept here
// for scanning offline. Its own cache (not "afterword-shell-"), so a new shell keeps it.
const OCR_CACHE = "afterword-card-reader-1";
const OCR_PREFIXES = ["/static/vendor/tesseract/", "/static/vendor/jsqr/"];

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  if (!OCR_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) return;
  event.respondWith(
    caches.open(OCR_CACHE).then(async (cache) => {
      const cached = await cache.match(url.pathname);
      if (cached) return cached;
      const response = await fetch(event.request);
      if (response.ok) await cache.put(url.pathname, response.clone());
      return response;
    })
  );
});
