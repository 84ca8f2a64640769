/**
 * The HTML and XML parsers (linkedom, Readability, fast-xml-parser), loaded on first use. Together
 * they take a few hundred milliseconds to load, which `parley code` on plain text or JSONL should
 * not pay; the extraction functions stay synchronous, so they are required (their CommonJS builds)
 * rather than imported.
 */
import { createRequire } from "node:module";
import type * as Linkedom from "linkedom";
import type * as MozillaReadability from "@mozilla/readability";
import type * as FastXmlParser from "fast-xml-parser";

const require = createRequire(import.meta.url);

let linkedom: typeof Linkedom | undefined;
let readability: typeof MozillaReadability | undefined;
let fastXmlParser: typeof FastXmlParser | undefined;

export function linkedomModule(): typeof Linkedom {
  return (linkedom ??= require("linkedom") as typeof Linkedom);
}

export function readabilityModule(): typeof MozillaReadability {
  return (readability ??= require("@mozilla/readability") as typeof MozillaReadability);
}

export function xmlParserModule(): typeof FastXmlParser {
  return (fastXmlParser ??= require("fast-xml-parser") as typeof FastXmlParser);
}
