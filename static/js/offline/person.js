// One person typed as "Name, Title", "Name (Title)" or "Name - Title", read the way the server
// reads it (services/schedule.py parse_person). Both are held to the same cases:
// tests/vectors/name_role.json, run by tests/test_name_role.py and tests/js/name_role.test.mjs.

// The server's models.NAME_MAX, mirrored (tests/test_name_role.py fails if they differ).
export const NAME_MAX = 200;
const TITLE_MAX = 200;

const words = (text) => new Set(text.trim().split(/\s+/));

// Words of a job title: a part made of them is a title, never a name.
const TITLE_WORDS = words(`
  accountant acquisition admin administrator adviser advisor ambassador analyst analytics android
  architect assistant associate attorney avp back-end backend billing business ceo cfo chief cio
  ciso cloud cmo co-founder coach cofounder colleague comms communications community consultant
  content coo coordinator copywriter counsel cpo cto customer data deputy designer developer
  development devops director editor eng engineer engineering engineers entry evangelist evp
  executive fellow finance founder front-end frontend full-stack fullstack generalist global
  growth hardware head hiring hrbp human ii iii infra infrastructure integrations intern investor
  ios iv junior lawyer lead leader learning legal level machine management manager marketer
  marketing member mentor mgr mid mobile officer operations operator ops owner partner payments
  peer people planner platform president principal producer product professor program programmer
  project quality recruiter recruiters recruiting recruitment regional rep representative research
  researcher resources sales science scientist sde sdet security senior software sourcer sourcing
  specialist sr sre staff strategist strategy success support svp swe talent teammate tech
  technical technician tester tpm vice web writer
`);
// Short titles that are also given names (Em, Ai, Ta): titles only when written in capitals.
const CAPS_TITLES = words("ai bd em gm hr it md ml pm qa ta ui ux vp");
// Words of a slot or a sentence: never part of a name.
const NOT_NAME = words(`
  a accepted afternoon agenda algorithm algorithms all an and anyone architecture arrival arrive
  assessment at attendee attendees awaiting backup be behavioral behavioural break break-out
  breakfast breakout buffer building by call canceled cancelled candidate challenge chat check-in
  checkin closing code coding coffee collaboration company confirmed conversation corp culture
  debrief debugging december declined deep deep-dive demo design dinner discussion dive drinks end
  ends etc evening everybody everyone execution exercise expectations experience february final
  first fit floor for free friday from fundamentals guest guests hangout her his homework hour
  hours i in inc interview interviewer interviewers interviews intro introduction introductions
  invitee invitees is january join kick-off kickoff last leadership link live llc lobby location
  logistics loop ltd lunch march maybe me meet meeting min mins minutes misc mock monday morning
  my myself n/a na next no none note notes november observer observing october of offer office ok
  on on-site online onsite open optional or organiser organizer other others our overview pair
  pairing panel participant participants phone please plus portfolio prep preparation present
  presentation problem programming q&a quiz reception remote required rescheduled review room
  round saturday schedule screen screening second see sense september session shadow shadowing
  skills slot snack solving somebody someone start starts study sunday sync system systems take-
  home talk tba tbc tbd tea team tentative the their then third thursday time to today tomorrow
  tour transit travel tuesday until us values via video virtual visit walk-through walkthrough we
  wednesday welcome whiteboard whiteboarding with wrap wrap-up wrapup yes you your zoom
`);
const PARTICLES = words("af al bin binti da das de del della den der di do dos du el la le ten ter van von y zu");

const RECRUITER =
  /\brecruit|\bsourc(?:er|ing)\b|\btalent\b|\b(?:interview|scheduling)\s+coordinator\b|\bTA\b/i;
const HR =
  /\bhr(?:bp)?\b|\bhuman\s+resources\b|\bpeople\s+(?:partner|ops|operations|team|business|generalist|officer|experience|and\s+culture|&\s*culture)\b|\bof\s+people\b|\bchief\s+people\b/i;

const HONORIFIC = /^(?:mr|mrs|ms|mx|miss|dr|prof)\.?\s+/i;
const PRONOUNS = /\(?\b(?:she|he|they|ze|xe)\s*\/\s*(?:her|hers|him|his|them|theirs|zir|xem)\b\)?/gi;
const EMAIL = /<?\s*(?:mailto:)?([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)\s*>?/g;
const LEADING_TIME = /^\d{1,2}(?:[:.h]\d{2})?\s*(?:[ap]\.?m\.?)?(?=\s|$)/i;
const SEPARATOR = /\s*(?:[,;|:(]|\s[-\u2013\u2014]+\s)\s*/;
const NAME_WORD = /^[\p{L}\p{M}]+(?:['\u2019-][\p{L}\p{M}]+)*\.?$/u;
const EDGE = /^[\s,;:|\/\\\-\u2013\u2014~"'()\[\]{}<>!?]+|[\s,;:|\/\\\-\u2013\u2014~"'()\[\]{}<>!?]+$/g;

/** The role a job title implies: recruiter, hr, or interviewer. */
export function detectRole(title) {
  if (RECRUITER.test(title)) return "recruiter";
  if (HR.test(title)) return "hr";
  return "interviewer";
}

function lower(word) {
  return word.toLowerCase().replace(/[.,:;]+$/, "");
}

function inSet(set, low) {
  return set.has(low) || (low.endsWith("s") && set.has(low.slice(0, -1))) || (low.includes("-") && low.split("-").some((p) => set.has(p)));
}

function isTitleWord(word) {
  const low = lower(word);
  if (CAPS_TITLES.has(low)) return word.replace(/[.,:;]+$/, "") === word.replace(/[.,:;]+$/, "").toUpperCase();
  return inSet(TITLE_WORDS, low);
}

function isNameWord(word) {
  if (word.length > 40 || !NAME_WORD.test(word)) return false;
  const low = lower(word);
  if (CAPS_TITLES.has(low)) return word.replace(/\.$/, "") !== word.replace(/\.$/, "").toUpperCase();
  return !inSet(TITLE_WORDS, low) && !inSet(NOT_NAME, low);
}

function capitalise(word) {
  return word
    .split(/(['\u2019-])/)
    .map((part) => (/['\u2019-]/.test(part) ? part : part.charAt(0).toUpperCase() + part.slice(1).toLowerCase()))
    .join("");
}

/** Typed without capitals (or all in capitals): "dana rivera" is Dana Rivera. */
function formatName(taken) {
  const last = taken.length - 1;
  return taken
    .map((word, i) => {
      const plain = word === word.toLowerCase() || (word.length > 1 && word === word.toUpperCase());
      if (!plain) return word;
      if (i > 0 && i < last && PARTICLES.has(word.toLowerCase())) return word.toLowerCase();
      return capitalise(word);
    })
    .join(" ");
}

function nameFromEmail(email) {
  const parts = email.split("@")[0].split(/[._]/);
  if (parts.length < 2 || parts.length > 4 || !parts.every((p) => /^[A-Za-z]{2,}$/.test(p))) return "";
  return parts.map((p) => p.charAt(0).toUpperCase() + p.slice(1).toLowerCase()).join(" ");
}

/** { name, title, role, email } of one person, or null when no name can be read. */
export function readPerson(text) {
  let clean = String(text ?? "").slice(0, 20000).replace(/\s+/g, " ").trim();
  clean = clean.replace(LEADING_TIME, "").replace(PRONOUNS, " ");
  const emails = [];
  clean = clean.replace(EMAIL, (_, address) => {
    emails.push(address.slice(0, 254));
    return " ";
  });
  clean = clean.replace(/\s+/g, " ").trim();
  const cut = clean.match(SEPARATOR);
  let head = cut ? clean.slice(0, cut.index) : clean;
  let title = cut ? clean.slice(cut.index + cut[0].length) : "";
  head = head.replace(HONORIFIC, "");
  const all = head.split(" ").filter(Boolean);
  const taken = [];
  for (const word of all) {
    if (!isNameWord(word)) break;
    if (!taken.length && PARTICLES.has(word)) break;
    taken.push(word);
  }
  const rest = all.slice(taken.length);
  // "Sam Lee HR": what follows a name with no comma must be a title; "Firmware Lead" is no name.
  const named =
    taken.length && taken.length <= 6 && (!rest.length || (isTitleWord(rest[0]) && taken.length > 1));
  let name = named ? formatName(taken) : "";
  if (named && rest.length) title = [rest.join(" "), title].filter(Boolean).join(", ");
  if (!named && !cut && all.length) return null;
  if (!name) {
    name = emails.length ? nameFromEmail(emails[0]) : "";
    if (!name || all.length) return null;
  }
  if (name.length > NAME_MAX) return null;
  title = title.replace(/[()]/g, " ").replace(/\s+/g, " ").replace(EDGE, "").slice(0, TITLE_MAX);
  return { name, title, role: detectRole(title), email: emails[0] ?? "" };
}

/** The island's form: a person, or { error } to show beside the box. */
export function parsePerson(text) {
  if (!String(text ?? "").trim()) return { error: "Type a name first, then a comma and their role." };
  const person = readPerson(text);
  if (person) return person;
  if (String(text).length > NAME_MAX) return { error: `Keep the name and the role under ${NAME_MAX} characters each.` };
  return { error: "Type a name first, then a comma and their role, like “Dana Rivera, Engineering Manager”." };
}
