// PDF downloads that take a moment: show progress, then hand the file over. Without this
// script the same form is a plain GET that downloads the file.
function filenameOf(response, fallback) {
  const header = response.headers.get("Content-Disposition") || "";
  const match = header.match(/filename="([^"]+)"/);
  return match ? match[1] : fallback;
}

async function download(form, progress) {
  const url = new URL(form.action, location.href);
  url.search = new URLSearchParams(new FormData(form)).toString();
  progress.hidden = false;
  progress.textContent = "Preparing your PDF…";
  form.setAttribute("aria-busy", "true");
  try {
    // A refusal is a redirect to the notes page with the reason: let the browser follow it,
    // so the message is shown rather than spent on a fetch nobody sees.
    const response = await fetch(url, { credentials: "same-origin", redirect: "manual" });
    const type = response.headers.get("Content-Type") || "";
    if (response.type === "opaqueredirect" || !response.ok || !type.startsWith("application/pdf")) {
      location.assign(url);
      return;
    }
    const blob = await response.blob();
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = filenameOf(response, "notes.pdf");
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    progress.textContent = `Done: ${Math.round(blob.size / 1024)} KB downloaded.`;
  } catch {
    progress.textContent = "The PDF could not be downloaded. Check your connection and try again.";
  } finally {
    form.removeAttribute("aria-busy");
  }
}

export function enableDownloads(root = document) {
  for (const form of root.querySelectorAll("form[data-download]")) {
    const progress = form.querySelector(".progress");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      download(form, progress);
    });
  }
}
