// Autosave that never fails silently: when a save is refused or cannot be sent, the draft says
// so, the text stays where it is, and the save is retried (with a fresh CSRF token if the old
// one expired, as it does on a page left open overnight).

function statusOf(form) {
  const article = form.closest("article.draft");
  return article && article.querySelector(".draft-status");
}

function say(form, message) {
  const status = statusOf(form);
  if (!status) return;
  let note = status.querySelector(".save-problem");
  if (!note) {
    note = document.createElement("p");
    note.className = "error save-problem";
    note.setAttribute("role", "alert");
    status.prepend(note);
  }
  note.textContent = message;
}

async function freshToken() {
  const response = await fetch("/api/session", { credentials: "same-origin" });
  if (!response.ok) return null;
  const { csrf_token: token } = await response.json();
  for (const input of document.querySelectorAll('input[name="csrf_token"]')) input.value = token;
  document.querySelector('meta[name="csrf-token"]')?.setAttribute("content", token);
  document.body.setAttribute("hx-headers", JSON.stringify({ "X-CSRFToken": token }));
  return token;
}

const waiting = new Set();

function retryLater(form) {
  waiting.add(form);
}

function retryWaiting() {
  for (const form of waiting) {
    waiting.delete(form);
    window.htmx?.trigger(form, "submit");
  }
}

export function enableAutosaveRecovery() {
  document.addEventListener("htmx:responseError", async (event) => {
    const form = event.detail.elt.closest?.("form.draft-form");
    if (!form) return;
    const status = event.detail.xhr.status;
    if (status === 400 && (await freshToken())) {
      window.htmx?.trigger(form, "submit");
      return;
    }
    if (status === 401) {
      say(form, "Not saved: you were signed out. Copy your text, sign in again, and paste it back.");
      return;
    }
    if (status !== 422) {
      say(form, "Not saved yet: the server could not save it. Your text is still here; retrying.");
      retryLater(form);
      setTimeout(retryWaiting, 5000);
    }
  });
  document.addEventListener("htmx:sendError", (event) => {
    const form = event.detail.elt.closest?.("form.draft-form");
    if (!form) return;
    say(form, "Not saved yet: no connection. Your text is still here and saves when you are back online.");
    retryLater(form);
  });
  window.addEventListener("online", retryWaiting);
}
