// What every screen of the island shares: where it is drawn, and the screens with no data.

import { h } from "../view.js";

export const view = document.getElementById("view");

export const NO_USER =
  "Open Afterword once while online and signed in, so this phone knows whose points these are. Your text is still here.";

export function roleLabel(role) {
  return document.getElementById("roles").content.querySelector(`data[value="${CSS.escape(role)}"]`)
    ?.textContent ?? role ?? "";
}

export function notOnPhone(what) {
  view.replaceChildren(
    h("p", { class: "crumbs" }, h("a", { href: "#/" }, "← Today")),
    h("h1", { tabindex: "-1" }, `This ${what} is not on this phone yet`),
    h("p", {}, "It appears here after the next sync with signal.")
  );
  return { update() {} };
}

export function signedOut() {
  view.replaceChildren(
    h("h1", { tabindex: "-1" }, "Signed out"),
    h("p", {}, "Sign in to see your interviews and notes on this phone. Nothing saved here is lost.")
  );
  return { update() {} };
}
