/**
 * Reads verb dictionaries: PETRARCH-1 and PETRARCH-2 files of synsets and `--- NAME [code] ---`
 * blocks (verbs, then `- ... * ... [code]` patterns), PETRARCH-2 transformations (`~ ...`), and
 * TABARI `.verbs` files, where each `VERB [code]` line starts its own block.
 */
import type {
  DictionaryFormat,
  DictionaryProblem,
  ImportedPhrase,
  ImportedSynset,
  ImportedTransformation,
  ImportedVerb,
  ImportedVerbBlock,
  ImportedVerbPattern,
  SynsetMember,
  TransformationClause,
} from "./types.js";
import { meaningfulLines } from "./text.js";
import { consecutive, LineError, parsePhrase, splitBrackets } from "./phrase.js";
import { parsePatternSide, synsetsUsed, type PatternSyntax } from "./patterns.js";

/**
 * Splits a verb code into the event it codes from source to target and the one from target back
 * to source: "042:043" (make a visit / host it), ":111" (FACE CRITICISM: the target criticises the
 * source), "190", "---" (no event). Read from how the dictionaries use it; no coder documents it.
 */
export function splitEventCode(code: string): { forward: string | null; reverse: string | null } {
  const colon = code.indexOf(":");
  const part = (s: string): string | null => {
    const t = s.trim();
    return t === "" || t === "---" ? null : t;
  };
  if (colon < 0) return { forward: part(code), reverse: null };
  return { forward: part(code.slice(0, colon)), reverse: part(code.slice(colon + 1)) };
}

export interface VerbFileResult {
  /** Blocks with at least one verb; `patterns[i].block` indexes this array. */
  blocks: ImportedVerbBlock[];
  patterns: ImportedVerbPattern[];
  synsets: Map<string, ImportedSynset>;
  transformations: ImportedTransformation[];
  problems: DictionaryProblem[];
}

interface PendingPattern {
  pattern: ImportedVerbPattern;
  block: ImportedVerbBlock;
  synsets: Set<string>;
}

interface OpenSynset {
  synset: ImportedSynset;
  /** Label closed by `_`: no plurals for any member. */
  noPlural: boolean;
}

/** Reads `[code]`s of a verb or header line: the first, or undefined; a second one is reported. */
function singleCode(groups: string[], what: string, warn: (m: string) => void): string | undefined {
  if (groups.length > 1) warn(`${what} has ${groups.length} codes; using the first, [${groups[0]}]`);
  const code = groups[0];
  if (code === "") throw new LineError(`${what} has an empty code "[]"`);
  return code;
}

/** A verb phrase with its `+`-marked head: `WIRE_+TAP` → WIRE TAP, head 1. */
function verbPhrase(text: string, stems: boolean): { phrase: ImportedPhrase; head: number; marked: number } {
  const phrase = parsePhrase(text, stems);
  let head = 0;
  let marked = 0;
  const words = phrase.words.map((w, i) => {
    if (!w.text.startsWith("+")) return w;
    marked++;
    head = i;
    return { ...w, text: w.text.slice(1) };
  });
  if (words.some((w) => w.text === "")) throw new LineError(`"+" without a word in "${text.trim()}"`);
  return { phrase: { text: words.map((w) => w.text).join(" "), words }, head, marked };
}

function parseClause(tokens: string[], pos: { i: number }): TransformationClause {
  const take = (): string => {
    const t = tokens[pos.i++];
    if (t === undefined) throw new LineError("transformation pattern ends too early");
    return t;
  };
  const source = take();
  if (source === "(" || source === ")") throw new LineError(`unexpected "${source}" in transformation`);
  let object: string | TransformationClause = take();
  if (object === "(") {
    object = parseClause(tokens, pos);
    if (take() !== ")") throw new LineError(`"(" without ")" in transformation`);
  } else if (object === ")") {
    throw new LineError(`unexpected ")" in transformation`);
  }
  const verb = take();
  if (verb === "(" || verb === ")") throw new LineError(`unexpected "${verb}" in transformation`);
  return { source, object, verb };
}

/** `~ a (a b ATTACK) SAY = a b 015` */
export function parseTransformation(body: string): Pick<ImportedTransformation, "pattern" | "result"> {
  const eq = body.indexOf("=");
  if (eq < 0) throw new LineError(`transformation has no "="`);
  const tokens = body.slice(0, eq).match(/\(|\)|[^\s()]+/g) ?? [];
  const pos = { i: 0 };
  const pattern = parseClause(tokens, pos);
  if (pos.i !== tokens.length) throw new LineError("transformation pattern has extra words");
  const right = body.slice(eq + 1).trim().split(/\s+/);
  if (right.length !== 3) throw new LineError(`transformation result must be "SOURCE TARGET CODE"`);
  return { pattern, result: { source: right[0]!, target: right[1]!, code: right[2]! } };
}

export function parseVerbFile(text: string, file: string, format: DictionaryFormat): VerbFileResult {
  const problems: DictionaryProblem[] = [];
  const stems = format === "tabari";
  const syntax: PatternSyntax = { stems, longSynsetNames: format === "petrarch2" };
  const allBlocks: ImportedVerbBlock[] = [];
  const pending: PendingPattern[] = [];
  const synsets = new Map<string, ImportedSynset>();
  const transformations: ImportedTransformation[] = [];
  let block: ImportedVerbBlock | undefined;
  let open: OpenSynset | undefined;

  const closeSynset = (): void => {
    if (open && open.synset.members.length === 0) {
      problems.push({ file, line: open.synset.line, message: `synset "&${open.synset.name}" has no members` });
    }
    open = undefined;
  };

  for (const { line, text: raw } of meaningfulLines(text)) {
    const t = raw.trim();
    const warn = (message: string): void => void problems.push({ file, line, message });
    try {
      if (t.startsWith("+") && open) {
        const body = t.slice(1).trim();
        let member: SynsetMember;
        if (body.startsWith("&")) {
          const name = body.slice(1).replace(/_+$/, "").toUpperCase();
          if (name === "" || /\s/.test(name)) throw new LineError(`cannot read synset member "${t}"`);
          member = { kind: "synset", name };
        } else {
          // Synset phrases are consecutive words however they are separated.
          const phrase = consecutive(parsePhrase(body, stems));
          const lastIsStem = phrase.words[phrase.words.length - 1]!.stem;
          // PETRARCH-2 turns `A_B` members into noun phrases, which get no plural.
          const p2Phrase = format === "petrarch2" && body.includes("_") && phrase.words.length > 1;
          member = { kind: "phrase", phrase, plural: !open.noPlural && !body.endsWith("_") && !lastIsStem && !p2Phrase };
        }
        open.synset.members.push(member);
        continue;
      }
      closeSynset();

      if (t.startsWith("---")) {
        const parts = splitBrackets(t.replace(/^-+/, ""));
        // `--- GIVE ---`: without a code the closing dashes end up in `before`.
        const name = parts.before.replace(/\s-+\s*$/, "").trim().replace(/_+$/, "");
        if (name === "") warn("verb block header has no name");
        const code = singleCode(parts.groups, "verb block header", warn) ?? "---";
        block = { name, code, verbs: [], patterns: [], file, line };
        allBlocks.push(block);
      } else if (t.startsWith("-")) {
        if (!block) throw new LineError("pattern has no verb above it");
        const parts = splitBrackets(t.slice(1));
        if (parts.groups.length === 0) throw new LineError("pattern has no [code]");
        if (parts.groups.length > 1) throw new LineError("pattern has more than one [code]");
        if (parts.between.trim() !== "") throw new LineError(`text "${parts.between.trim()}" after the pattern's code`);
        const code = parts.groups[0]!;
        if (code === "") throw new LineError(`pattern has an empty code "[]"`);
        const sides = parts.before.split("*");
        if (sides.length !== 2) throw new LineError(sides.length === 1 ? `pattern has no "*" for the verb` : `pattern has more than one "*"`);
        const before = parsePatternSide(sides[0]!, syntax);
        const after = parsePatternSide(sides[1]!, syntax);
        const used = new Set<string>();
        synsetsUsed(before.tokens, used);
        synsetsUsed(after.tokens, used);
        const pattern: ImportedVerbPattern = {
          block: -1,
          verbs: [],
          code,
          before: before.tokens,
          after: after.tokens,
          verbGlued: before.trailingGlue,
          file,
          line,
          text: t.replace(/\s+/g, " "),
        };
        pending.push({ pattern, block, synsets: used });
      } else if (t.startsWith("&")) {
        const label = t.slice(1).trim();
        const name = label.replace(/_+$/, "").toUpperCase();
        if (name === "" || /\s/.test(name)) throw new LineError(`cannot read synset label "${t}"`);
        if (synsets.has(name)) warn(`synset "&${name}" defined again; the new members replace the old`);
        const synset: ImportedSynset = { name, members: [], file, line };
        synsets.set(name, synset);
        open = { synset, noPlural: label.endsWith("_") };
      } else if (t.startsWith("~")) {
        transformations.push({ ...parseTransformation(t.slice(1)), file, line, text: t.replace(/\s+/g, " ") });
      } else {
        const parts = splitBrackets(t);
        let base = parts.before;
        let formsText: string | undefined;
        const brace = base.indexOf("{");
        if (brace >= 0) {
          const end = base.indexOf("}", brace);
          if (end < 0) throw new LineError(`"{" without "}"`);
          if (base.slice(end + 1).trim() !== "") throw new LineError(`text after "}"`);
          formsText = base.slice(brace + 1, end);
          base = base.slice(0, brace);
        } else if (base.includes("}")) {
          throw new LineError(`"}" without "{"`);
        }
        const ownCode = singleCode(parts.groups, "verb", warn);
        const { phrase, head, marked } = verbPhrase(base, stems);
        if (marked > 1) throw new LineError(`verb "${base.trim()}" marks more than one word with "+"`);
        if (format !== "tabari" && phrase.words.length > 1 && marked === 0) {
          warn(`multi-word verb "${phrase.text}" does not mark its verb word with "+"; taking the first`);
        }
        if (format === "tabari") {
          block = { name: phrase.text, code: ownCode ?? "---", verbs: [], patterns: [], file, line };
          allBlocks.push(block);
        } else if (!block) {
          throw new LineError(`verb "${phrase.text}" is outside any "--- NAME [code] ---" block`);
        }
        const forms = (formsText ?? "")
          .split(/[\s,]+/)
          .filter((f) => f !== "")
          .map((f) => verbPhrase(f, stems).phrase);
        const verb: ImportedVerb = {
          phrase,
          head,
          forms,
          regularForms: formsText === undefined,
          code: ownCode ?? block.code,
          file,
          line,
        };
        block.verbs.push(verb);
      }
    } catch (err) {
      if (!(err instanceof LineError)) throw err;
      warn(err.message);
    }
  }
  closeSynset();

  for (const synset of synsets.values()) {
    for (const m of synset.members) {
      if (m.kind === "synset" && !synsets.has(m.name)) {
        problems.push({ file, line: synset.line, message: `synset "&${synset.name}" includes undefined synset "&${m.name}"` });
      }
    }
  }

  const blocks: ImportedVerbBlock[] = [];
  for (const b of allBlocks) {
    if (b.verbs.length > 0) {
      blocks.push(b);
      continue;
    }
    const count = pending.filter((p) => p.block === b).length;
    const ignored = count > 0 ? `; its ${count} patterns are ignored` : "";
    problems.push({ file, line: b.line, message: `verb block "${b.name}" has no verbs${ignored}` });
  }
  const index = new Map(blocks.map((b, i) => [b, i]));
  const verbTexts = new Map(blocks.map((b) => [b, b.verbs.map((v) => v.phrase.text)]));
  const patterns: ImportedVerbPattern[] = [];
  for (const { pattern, block: owner, synsets: used } of pending) {
    const i = index.get(owner);
    if (i === undefined) continue; // reported with its block
    const missing = [...used].filter((name) => !synsets.has(name));
    if (missing.length > 0) {
      const names = missing.map((n) => `"&${n}"`).join(", ");
      problems.push({ file, line: pattern.line, message: `pattern uses undefined synset ${names}; pattern skipped` });
      continue;
    }
    pattern.block = i;
    pattern.verbs = verbTexts.get(owner)!;
    owner.patterns.push(pattern);
    patterns.push(pattern);
  }
  problems.sort((a, b) => a.line - b.line);
  return { blocks, patterns, synsets, transformations, problems };
}
