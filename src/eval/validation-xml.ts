import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { DictionaryProblem } from "../actors/load.js";

/** One expected event of a validation record. */
export interface ExpectedEvent {
  source: string;
  target: string;
  code: string;
}

/** A PETRARCH validation record: raw text and the events a coder should produce from it. */
export interface ValidationRecord {
  id: string;
  category: string;
  /** Publication date, YYYY-MM-DD. */
  date: string;
  text: string;
  /** Empty when the record says `noevents="True"`. */
  expected: ExpectedEvent[];
  /** PETRARCH marks records it does not expect to pass as valid="false". */
  valid: boolean;
}

export interface ValidationSuite {
  records: ValidationRecord[];
  problems: DictionaryProblem[];
}

type XmlValue = string | number | boolean | XmlNode | XmlValue[] | undefined;
interface XmlNode {
  [key: string]: XmlValue;
}

function asArray(value: XmlValue): XmlValue[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function attribute(node: XmlNode, name: string): string | undefined {
  const value = node[`@_${name}`];
  return value === undefined ? undefined : String(value);
}

function textOf(value: XmlValue): string {
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (value && typeof value === "object" && !Array.isArray(value)) return textOf(value["#text"]);
  return "";
}

/**
 * Reads PETRARCH validation XML (`<Sentence date id category valid>` with `<EventCoding sourcecode
 * targetcode eventcode>`, `noevents="True"` or `error="…discard"`, and `<Text>`). The hand-made `<Parse>` is ignored:
 * parley codes from the raw text. A record without text or with a bad date is a problem, not a crash.
 */
export function parseValidationXml(xml: string, file: string): ValidationSuite {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseAttributeValue: false, parseTagValue: false, trimValues: false });
  const problems: DictionaryProblem[] = [];
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { records: [], problems: [{ file, line: valid.err.line, message: `not well-formed XML: ${valid.err.msg}` }] };
  const root = parser.parse(xml) as XmlNode;
  const validation = root["Validation"];
  const container = validation && typeof validation === "object" && !Array.isArray(validation) ? (validation["Sentences"] as XmlNode | undefined) : undefined;
  const sentences = asArray(container?.["Sentence"] ?? (validation as XmlNode | undefined)?.["Sentence"]);
  const records: ValidationRecord[] = [];
  sentences.forEach((value, index) => {
    if (!value || typeof value !== "object" || Array.isArray(value)) return;
    const node = value;
    const id = attribute(node, "id") ?? `record-${index + 1}`;
    const rawDate = attribute(node, "date") ?? "";
    const match = /^(\d{4})(\d{2})(\d{2})$/.exec(rawDate);
    if (!match) {
      problems.push({ file, line: 0, message: `${id}: date "${rawDate}" is not YYYYMMDD` });
      return;
    }
    const text = textOf(node["Text"]).replace(/\s+/g, " ").trim();
    if (text === "") {
      problems.push({ file, line: 0, message: `${id}: no <Text>` });
      return;
    }
    const expected: ExpectedEvent[] = [];
    for (const coding of asArray(node["EventCoding"])) {
      if (!coding || typeof coding !== "object" || Array.isArray(coding)) continue;
      if ((attribute(coding, "noevents") ?? "").toLowerCase() === "true") continue;
      // error="storydiscard" / "sentencediscard": the discard list must stop coding altogether.
      if (attribute(coding, "error") !== undefined) continue;
      const source = attribute(coding, "sourcecode");
      const target = attribute(coding, "targetcode");
      const code = attribute(coding, "eventcode");
      if (source && target && code) expected.push({ source, target, code });
      else problems.push({ file, line: 0, message: `${id}: <EventCoding> without sourcecode, targetcode and eventcode` });
    }
    records.push({
      id,
      category: attribute(node, "category") ?? "",
      date: `${match[1]}-${match[2]}-${match[3]}`,
      text,
      expected,
      valid: (attribute(node, "valid") ?? "true").toLowerCase() !== "false",
    });
  });
  return { records, problems };
}
