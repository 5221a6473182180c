// A live character count under every box with a limit (data-limit), so a long paste is
// seen to be over before saving instead of being cut short. The server refuses it too.
export function enableCounters(root = document) {
  for (const box of root.querySelectorAll("textarea[data-limit]:not([data-counted])")) {
    const limit = Number(box.dataset.limit);
    const count = document.createElement("p");
    count.className = "hint counter";
    count.id = `${box.id}-count`;
    count.setAttribute("aria-live", "polite");
    box.dataset.counted = "";
    box.insertAdjacentElement("afterend", count);
    const described = box.getAttribute("aria-describedby");
    box.setAttribute("aria-describedby", described ? `${described} ${count.id}` : count.id);
    const update = () => {
      const length = box.value.length;
      const over = length - limit;
      count.textContent = over > 0
        ? `${length.toLocaleString("en")} / ${limit.toLocaleString("en")} characters: ${over.toLocaleString("en")} over the limit. ${box.dataset.over || "Shorten it before saving."}`
        : `${length.toLocaleString("en")} / ${limit.toLocaleString("en")} characters`;
      count.classList.toggle("over", over > 0);
    };
    box.addEventListener("input", update);
    update();
  }
}
