// "Scan a business card": the phone's camera takes the card, and the phone itself reads it, with
// no signal: a QR code (a vCard or a link) through the browser's BarcodeDetector or jsQR, the
// printed text through Tesseract compiled to WebAssembly (tesseract.js, English data), all
// served from /static/vendor and loaded only when a card is scanned; the service worker keeps
// them for the next time offline. What was read fills a person form to check; saving goes
// through the outbox like any other person. The photo never leaves the phone and is dropped
// once the person is saved or the form discarded.

import { detectRole, readPerson } from "./person.js";
import { h } from "./view.js";

const OCR = "/static/vendor/tesseract";
const JSQR = "/static/vendor/jsqr/jsQR.js";
const MAX_SIDE = 1800; // px: enough for card text, small enough to read in a few seconds
const QR_WIDTHS = [600, 800, 1000];

let ocr = null; // the Tesseract worker, made on the first scan and kept for the next

function ocrWorker() {
  ocr ??= import(`${OCR}/tesseract.esm.min.js`).then(({ default: Tesseract }) =>
    Tesseract.createWorker("eng", 1, {
      workerPath: `${OCR}/worker.min.js`,
      corePath: `${OCR}/core`,
      langPath: `${OCR}/lang`,
      workerBlobURL: false, // a blob: worker would need a looser CSP
      cacheMethod: "none", // the service worker keeps the files; no second copy in IndexedDB
    })
  );
  ocr.catch(() => {
    ocr = null;
  });
  return ocr;
}

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = h("script", { src });
    script.addEventListener("load", resolve);
    script.addEventListener("error", () => reject(new Error(`Could not load ${src}`)));
    document.head.append(script);
  });
}

// --- the photo -------------------------------------------------------------------------------

async function toCanvas(file) {
  const bitmap = await createImageBitmap(file);
  const ratio = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(bitmap.width * ratio);
  canvas.height = Math.round(bitmap.height * ratio);
  canvas.getContext("2d", { willReadFrequently: true }).drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return canvas;
}

/** A grey, slightly softened copy: sensor grain would otherwise read as stray letters. */
function forText(canvas) {
  const copy = document.createElement("canvas");
  copy.width = canvas.width;
  copy.height = canvas.height;
  const context = copy.getContext("2d");
  context.filter = "grayscale(1) blur(0.7px)";
  context.drawImage(canvas, 0, 0);
  return copy;
}

async function readQr(canvas) {
  if ("BarcodeDetector" in window) {
    try {
      const formats = await BarcodeDetector.getSupportedFormats();
      if (formats.includes("qr_code")) {
        const [code] = await new BarcodeDetector({ formats: ["qr_code"] }).detect(canvas);
        return code?.rawValue ?? "";
      }
    } catch {
      // fall through to jsQR
    }
  }
  if (!window.jsQR) await loadScript(JSQR);
  // jsQR finds a grainy photo's code more surely, and much faster, at a few smaller sizes.
  for (const width of QR_WIDTHS) {
    const ratio = Math.min(1, width / canvas.width);
    const small = document.createElement("canvas");
    small.width = Math.round(canvas.width * ratio);
    small.height = Math.round(canvas.height * ratio);
    const context = small.getContext("2d", { willReadFrequently: true });
    context.imageSmoothingQuality = "high";
    context.drawImage(canvas, 0, 0, small.width, small.height);
    const image = context.getImageData(0, 0, small.width, small.height);
    const found = window.jsQR(image.data, image.width, image.height, { inversionAttempts: "attemptBoth" });
    if (found?.data) return found.data;
    if (ratio === 1) break;
  }
  return "";
}

// --- what a card says ------------------------------------------------------------------------------

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
const PHONE = /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d[\d\s.-]{5,}\d/;
const LINKEDIN = /linkedin\.com\/in\/[A-Za-z0-9_-]+/i;

function unfold(vcard) {
  return vcard.replace(/\r?\n[ \t]/g, "").split(/\r?\n/);
}

/** A vCard or MECARD from a QR code, field by field. */
export function readVcard(text) {
  const card = {};
  if (/^MECARD:/i.test(text)) {
    for (const part of text.slice(7).split(/(?<!\\);/)) {
      const [key, ...rest] = part.split(":");
      const value = rest.join(":").replace(/\\(.)/g, "$1");
      if (key === "N") card.name = value.includes(",") ? value.split(",").reverse().join(" ").trim() : value;
      if (key === "EMAIL") card.email ??= value;
      if (key === "TEL") card.phone ??= value;
      if (key === "URL" && LINKEDIN.test(value)) card.linkedin = value;
      if (key === "ORG") card.company = value;
      if (key === "TITLE") card.title = value;
    }
    return card;
  }
  for (const line of unfold(text)) {
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    const key = line.slice(0, colon).split(";")[0].toUpperCase();
    const value = line.slice(colon + 1).replace(/\\([,;\\])/g, "$1").replace(/\\n/gi, " ").trim();
    if (key === "FN") card.name = value;
    else if (key === "N" && !card.name) card.name = value.split(";").slice(0, 2).reverse().join(" ").trim();
    else if (key === "TITLE") card.title = value;
    else if (key === "ORG") card.company = value.split(";")[0];
    else if (key === "EMAIL") card.email ??= value;
    else if (key === "TEL") card.phone ??= value;
    else if (key === "URL" && LINKEDIN.test(value)) card.linkedin = value;
  }
  return card;
}

function linkedinUrl(text) {
  const found = text.match(LINKEDIN);
  return found ? `https://www.${found[0].replace(/^www\./i, "")}` : "";
}

/** The fields of a card from its printed text, line by line. */
export function readCardText(text, company = "") {
  const lines = text
    .split(/\n/)
    .map((line) => line.replace(/[|_~`"“”]+/g, " ").replace(/\s+/g, " ").trim())
    // Specks of grain at either end read as "=", "|", "•": not part of a name or a title.
    .map((line) => line.replace(/^[^\p{L}\d+(]+|[^\p{L}\d)]+$/gu, ""))
    .filter((line) => line.length > 1);
  const card = { name: "", title: "", company: "", email: "", phone: "", linkedin: "" };
  // "victor@initech. com": OCR puts a space after the dot of a domain.
  const joined = text.replace(/(@[A-Za-z0-9.-]+)\.\s+([A-Za-z]{2,})\b/g, "$1.$2");
  const email = joined.match(EMAIL);
  card.email = email ? email[0].replace(/[.,;]+$/, "") : "";
  const linkedinLine = lines.find((line) => /linked\s*in/i.test(line)) ?? "";
  card.linkedin = linkedinUrl(linkedinLine.replace(/\s+/g, ""));
  const phoneLine = lines.find((line) => !EMAIL.test(line) && !LINKEDIN.test(line) && PHONE.test(line));
  card.phone = phoneLine ? phoneLine.match(PHONE)[0].trim() : "";
  const wanted = company.trim().toLocaleLowerCase();
  let nameAt = -1;
  lines.forEach((line, index) => {
    if (nameAt >= 0 || /[\d@/]/.test(line) || (wanted && line.toLocaleLowerCase().includes(wanted))) return;
    const person = readPerson(line);
    if (person && !person.title && person.name.split(" ").length >= 2 && person.name.length <= 60) {
      card.name = person.name;
      nameAt = index;
    }
  });
  const rest = lines.filter((line, index) => index !== nameAt && !/[@\d]|\.com|\.io|linkedin/i.test(line));
  // The title is the line the role words are in ("Engineering Manager"); the company, another.
  const titled = rest.find((line) => /[a-z]/.test(line) && TITLE_HINT.test(line));
  card.title = titled ?? "";
  const others = rest.filter((line) => line !== titled && /[A-Za-z]{2}/.test(line));
  card.company = others.find((line) => wanted && line.toLocaleLowerCase().includes(wanted)) ?? others[0] ?? "";
  return card;
}

const TITLE_HINT =
  /\b(?:engineer|manager|director|lead|head|chief|officer|recruit|talent|partner|designer|scientist|architect|analyst|coordinator|president|vp|cto|ceo|founder|developer|product|principal|staff|senior|hr|people|hiring|consultant|specialist)/i;

/** What the photo says: the QR first (exact), the printed text for what the QR lacks. */
export async function readCard(file, { company = "", progress = () => {} } = {}) {
  const started = performance.now();
  progress("Looking at the photo…");
  const canvas = await toCanvas(file);
  const qr = await readQr(canvas).catch(() => "");
  let card = { name: "", title: "", company: "", email: "", phone: "", linkedin: "" };
  let source = "text";
  if (/^(BEGIN:VCARD|MECARD:)/i.test(qr.trim())) {
    card = { ...card, ...readVcard(qr.trim()) };
    source = "qr";
  } else if (/^https?:\/\//i.test(qr.trim()) && LINKEDIN.test(qr)) {
    card.linkedin = qr.trim();
  }
  if (!(card.name && card.email)) {
    progress("Reading the card on this phone…");
    const worker = await ocrWorker();
    const { data } = await worker.recognize(forText(canvas));
    const printed = readCardText(data.text, company);
    for (const [key, value] of Object.entries(printed)) if (!card[key]) card[key] = value;
    source = source === "qr" ? "qr+text" : "text";
  }
  canvas.width = canvas.height = 0; // let the pixels go
  card.linkedin = card.linkedin && !/^https?:/i.test(card.linkedin) ? `https://www.${card.linkedin.replace(/^www\./i, "")}` : card.linkedin;
  return { card, source, ms: Math.round(performance.now() - started) };
}

// --- the control on the island's interview screen -------------------------------------------------

const FIELDS = [
  ["name", "Name", "text", "name"],
  ["title", "Job title", "text", "organization-title"],
  ["email", "Email", "email", "email"],
  ["phone", "Phone", "tel", "tel"],
  ["linkedin", "LinkedIn", "url", "url"],
];

/**
 * The "Scan a business card" control for one interview. `options.save(entity, id, data)` is
 * the island's own save (outbox first), `options.saved()` redraws the screen after it,
 * `options.contacts()` the people on this phone,
 * `options.company()` the application's company and `options.ready()` whether a user is known.
 */
export function scanCard(interview, options) {
  const input = h("input", { type: "file", id: "card-photo", accept: "image/*", capture: "environment", class: "visually-hidden" });
  const status = h("p", { class: "hint", role: "status", id: "card-status" });
  const preview = h("canvas", { class: "card-photo", role: "img", "aria-label": "The card you photographed", hidden: true });
  const form = h("form", { class: "stack card-form", novalidate: true, hidden: true });
  const companyCheck = h("p", { class: "meta", id: "card-company" });
  const error = h("p", { class: "error", role: "alert", hidden: true });
  const inputs = {};
  for (const [key, label, type, autocomplete] of FIELDS) {
    inputs[key] = h("input", { id: `card-${key}`, name: key, type, autocomplete: "off", "data-autocomplete": autocomplete });
    form.append(h("div", { class: "field" }, h("label", { for: `card-${key}` }, label), inputs[key]));
    if (key === "title") form.append(companyCheck);
  }
  form.append(
    error,
    h("p", { class: "hint" }, "The photo stays on this phone and is dropped once you save or discard."),
    h("div", { class: "form-actions" }, h("button", { type: "submit", class: "primary big" }, "Save person"), h("button", { type: "button", class: "secondary", "data-role": "discard" }, "Discard"))
  );
  function dropPhoto() {
    preview.width = preview.height = 0;
    preview.hidden = true;
    input.value = "";
  }

  async function showPhoto(file) {
    const bitmap = await createImageBitmap(file);
    const ratio = Math.min(1, 640 / bitmap.width);
    preview.width = Math.round(bitmap.width * ratio);
    preview.height = Math.round(bitmap.height * ratio);
    preview.getContext("2d").drawImage(bitmap, 0, 0, preview.width, preview.height);
    bitmap.close();
    preview.hidden = false;
  }

  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    if (!file) return;
    form.hidden = true;
    await showPhoto(file).catch(() => {});
    try {
      const { card, source, ms } = await readCard(file, { company: options.company(), progress: (text) => (status.textContent = text) });
      for (const [key] of FIELDS) inputs[key].value = card[key] ?? "";
      const company = options.company();
      const read = card.company || "";
      companyCheck.textContent = !company
        ? read && `Company on the card: ${read}`
        : read.toLocaleLowerCase().includes(company.toLocaleLowerCase())
          ? `Company on the card: ${read} ✓ matches ${company}`
          : `Company on the card: ${read || "not found"}. Is this person from ${company}?`;
      form.dataset.readMs = String(ms);
      form.dataset.source = source;
      form.hidden = false;
      status.textContent = `Read in ${(ms / 1000).toFixed(1)} s${source.startsWith("qr") ? " (QR code)" : ""}. Check it, then save.`;
      inputs.name.focus();
    } catch (failure) {
      status.textContent = `Could not read the card: ${failure.message}. Type the person in above instead.`;
    }
  });

  form.querySelector("[data-role=discard]").addEventListener("click", () => {
    form.hidden = true;
    form.reset();
    dropPhoto();
    status.textContent = "Discarded. The photo is gone.";
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const name = inputs.name.value.replace(/\s+/g, " ").trim();
    const problem = !name ? "Type the person's name." : name.length > 200 ? "Keep the name under 200 characters." : options.ready() ? "" : "Open Afterword once while online and signed in first. What you read is still here.";
    error.textContent = problem;
    error.hidden = !problem;
    if (problem) return;
    const title = inputs.title.value.trim();
    const fields = {
      title,
      email: inputs.email.value.trim(),
      phone: inputs.phone.value.trim().slice(0, 40),
      linkedin_url: inputs.linkedin.value.trim(),
      got_card: true,
    };
    const same = options
      .contacts()
      .find((c) => c.data.application_id === interview.data.application_id && c.data.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    try {
      if (same) {
        const ids = [...new Set([...(same.data.interview_ids ?? []), interview.id])];
        const merged = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, same.data[k] || v]));
        await options.save("contact", same.id, { ...merged, got_card: true, interview_ids: ids });
      } else {
        await options.save("contact", crypto.randomUUID(), {
          application_id: interview.data.application_id,
          name,
          role: detectRole(title),
          interview_ids: [interview.id],
          ...fields,
        });
      }
    } catch (failure) {
      error.textContent = `Could not save on this phone: ${failure.message}`;
      error.hidden = false;
      return;
    }
    form.hidden = true;
    form.reset();
    dropPhoto();
    options.saved?.();
    status.textContent = `Saved ${name}. The photo is gone from this page.`;
  });

  return h(
    "section",
    { class: "scan", "aria-labelledby": "scan-heading" },
    h("h2", { id: "scan-heading" }, "Got a business card?"),
    h("label", { for: "card-photo", class: "button secondary big" }, "Scan a business card"),
    input,
    h("p", { class: "hint" }, "Read on this phone, no signal needed. The photo is never uploaded."),
    status,
    preview,
    form
  );
}
