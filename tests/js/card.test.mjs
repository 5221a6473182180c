// Reading what a business card says: a QR vCard or MECARD, and printed text from OCR.
import assert from "node:assert/strict";
import { test } from "node:test";

import { readCardText, readVcard } from "../../static/js/offline/scan.js";

test("a vCard 3.0 with folded lines and escapes", () => {
  const card = readVcard(
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Okafor;Amara;;;\r\nFN:Amara Okafor\r\nORG:Pied Piper\\, Inc.;Talent\r\n" +
      "TITLE:Talent Partner\r\nEMAIL;TYPE=WORK:amara@pied\r\n piper.com\r\nTEL;TYPE=WORK:+1 408 555 0175\r\n" +
      "URL:https://www.linkedin.com/in/amaraokafor\r\nEND:VCARD"
  );
  assert.deepEqual(card, {
    name: "Amara Okafor",
    company: "Pied Piper, Inc.",
    title: "Talent Partner",
    email: "amara@piedpiper.com",
    phone: "+1 408 555 0175",
    linkedin: "https://www.linkedin.com/in/amaraokafor",
  });
});

test("a MECARD", () => {
  assert.deepEqual(readVcard("MECARD:N:Rivera,Dana;TEL:+14155550134;EMAIL:dana@acme.com;;"), {
    name: "Dana Rivera",
    phone: "+14155550134",
    email: "dana@acme.com",
  });
});

test("printed text: grain at the ends, a space in the domain, the company checked", () => {
  const card = readCardText(
    "= Grace Liu |\nHead of Platform\n| Vertex Cloud\ngrace.liu@vertex. io\n+1 206 555 0142 :\nlinkedin.com/in/ graceliu\n",
    "Vertex Cloud"
  );
  assert.deepEqual(card, {
    name: "Grace Liu",
    title: "Head of Platform",
    company: "Vertex Cloud",
    email: "grace.liu@vertex.io",
    phone: "+1 206 555 0142",
    linkedin: "https://www.linkedin.com/in/graceliu",
  });
});

test("no name is made up from a company or a title alone", () => {
  const card = readCardText("NORTHWIND ROBOTICS\nEngineering Manager\ninfo@northwind.com\n", "Northwind Robotics");
  assert.equal(card.name, "");
  assert.equal(card.title, "Engineering Manager");
});
