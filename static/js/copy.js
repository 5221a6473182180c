// "Copy text" buttons: copy a draft's current text, and say so where a screen reader hears it.
export function enableCopyButtons(root = document) {
  root.addEventListener("click", async (event) => {
    const button = event.target.closest("button[data-copy]");
    if (!button) return;
    const source = document.getElementById(button.dataset.copy);
    if (!source) return;
    const label = button.textContent;
    try {
      await navigator.clipboard.writeText(source.value ?? source.textContent);
      button.textContent = "Copied";
    } catch {
      // No clipboard permission (or an insecure origin): select the text so a long-press copies it.
      source.focus();
      source.select?.();
      button.textContent = "Selected: copy it now";
    }
    setTimeout(() => { button.textContent = label; }, 2000);
  });
}
