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
  /**
   * Coder options in effect for the record: `<Config option="require_dyad" value="false">`
   * elements between records change PETRARCH's options for the records after them.
   */
  options?: Record<string, string>;
}

/** Dictionary files a validation file's `<Environment>` names (file names, relative to the dictionaries). */
export interface ValidationEnvironment {
  verbs?: string;
  actors?: string[];
  agents?: string;
  discards?: string;
}

export interface ValidationSuite {
  records: ValidationRecord[];
  problems: DictionaryProblem[];
  /** Present when the file has an `<Environment>` naming at least one dictionary. */
  environment?: ValidationEnvironment;
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
  const environment = environmentOf(validation);
  const optionsBySentence = configOptions(xml);
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
      options: optionsBySentence[index] ?? {},
    });
  });
  return environment ? { records, problems, environment } : { records, problems };
}

/**
 * The `<Config option value>` settings in effect at each `<Sentence>`, in document order (the XML
 * parser keeps elements of one name together, so order is read from the text). Options in the
 * `<Environment>` apply from the start; PETRARCH's own bookkeeping option stop_on_error is left out.
 */
function configOptions(xml: string): Array<Record<string, string>> {
  const text = xml.replace(/<!--[\s\S]*?-->/g, "");
  const state: Record<string, string> = {};
  const perSentence: Array<Record<string, string>> = [];
  for (const match of text.matchAll(/<Config\s+option="([^"]+)"\s+value="([^"]*)"|<Sentence\b/g)) {
    if (match[1] !== undefined) {
      if (match[1] !== "stop_on_error") state[match[1]] = match[2] ?? "";
    } else {
      perSentence.push({ ...state });
    }
  }
  return perSentence;
}

/** `<Environment><Verbfile>…</Verbfile><Actorfile>a, b</Actorfile>…`: the dictionaries the suite was written for. */
function environmentOf(validation: XmlValue): ValidationEnvironment | undefined {
  if (!validation || typeof validation !== "object" || Array.isArray(validation)) return undefined;
  const node = asArray(validation["Environment"])[0];
  if (!node || typeof node !== "object" || Array.isArray(node)) return undefined;
  const names = (tag: string): string[] =>
    asArray(node[tag])
      .flatMap((value) => textOf(value).split(","))
      .map((name) => name.trim())
      .filter((name) => name !== "");
  const environment: ValidationEnvironment = {};
  const [verbs] = names("Verbfile");
  const [agents] = names("Agentfile");
  const [discards] = names("Discardfile");
  const actors = names("Actorfile");
  if (verbs) environment.verbs = verbs;
  if (actors.length > 0) environment.actors = actors;
  if (agents) environment.agents = agents;
  if (discards) environment.discards = discards;
  return Object.keys(environment).length > 0 ? environment : undefined;
}
