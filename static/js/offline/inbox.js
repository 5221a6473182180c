// What was shared into Afterword: kept in IndexedDB by the service worker (static/sw.js), or
// handed over by the server in the page when no worker was installed yet (a JSON data block,
// never a URL). One shared thing at a time: the latest.

const INBOX_DB = "afterword-share";

function openInbox() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(INBOX_DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore("inbox");
    open.onerror = () => reject(open.error);
    open.onsuccess = () => resolve(open.result);
  });
}

async function withStore(mode, work) {
  const db = await openInbox();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction("inbox", mode);
      const result = work(tx.objectStore("inbox"));
      tx.oncomplete = () => resolve(result.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** { title, text, url, invite?: { name, text } | { name, error } } or null. */
export async function sharedItem(params) {
  const inPage = document.getElementById("shared-data");
  if (inPage?.textContent.trim()) return JSON.parse(inPage.textContent);
  const kept = await withStore("readonly", (store) => store.get("latest")).catch(() => null);
  if (kept) return kept;
  // An older install whose manifest still shares by GET.
  if (["title", "text", "url"].some((name) => params.get(name))) {
    return { title: params.get("title") ?? "", text: params.get("text") ?? "", url: params.get("url") ?? "" };
  }
  return null;
}

const PARTS = { invite: { invite: undefined }, text: { title: "", text: "", url: "" } };

/** Forget the shared thing, or only part of it ("invite" or "text"), once it has been used. */
export async function forgetShared(part = null) {
  await withStore("readwrite", (store) => {
    if (!part) return store.delete("latest");
    const request = store.get("latest");
    request.onsuccess = () => {
      if (request.result) store.put({ ...request.result, ...PARTS[part] }, "latest");
    };
    return request;
  }).catch(() => {});
}
