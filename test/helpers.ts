import { readFileSync } from "node:fs";
import { Doc } from "../src/document/doc.js";
import { clean } from "../src/clean/clean.js";
import { tokenize } from "../src/nlp/tokenize.js";

export function fixturePath(name: string): string {
  return new URL(`./fixtures/${name}`, import.meta.url).pathname;
}

export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), "utf8");
}

/** A document cleaned and tokenized, for tests of the stages after nlp. */
export function tokenized(text: string, date = "2024-09-05"): Doc {
  const doc = new Doc({ id: "test", date }, text);
  clean(doc);
  tokenize(doc);
  return doc;
}
