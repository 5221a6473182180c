// The island's reading of "Name, Role" against the cases the server's reading is held to.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { readPerson } from "../../static/js/offline/person.js";

const vectors = JSON.parse(readFileSync(new URL("../vectors/name_role.json", import.meta.url), "utf8"));

test("there are cases to run", () => {
  assert.ok(vectors.length >= 30);
});

for (const { text, person } of vectors) {
  test(`reads ${JSON.stringify(text)}`, () => {
    assert.deepEqual(readPerson(text), person);
  });
}
