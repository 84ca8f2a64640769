import type { Doc, Paragraph } from "../document/doc.js";
import type { SentenceRole } from "../document/types.js";
import { builtinBoilerplateRules, type BoilerplateRule } from "./boilerplate-rules.js";
import { normalizeLine, splitGluedSentences, splitLines } from "./normalize.js";

/** Rough sentence units, only for deciding what is boilerplate; the nlp stage splits properly. */
const SENTENCE_SEAM = /(?<=[.!?]["')\]]?)\s+(?=["'(\[]?[A-Z0-9])/;
/** What every seam contains: a line without it is one unit, and skips the look-behind search. */
const SEAM_MARK = /[.!?]["')\]]?\s/;
const ENDS_LIKE_PROSE = /[.!?:;]["')\]]?$/;
/** A headline or dek is a short line at the top with no closing punctuation. */
const MAX_TITLE_WORDS = 60;
/** Lines after a "Related stories" heading that look like link titles. */
const MAX_LINK_TITLE_WORDS = 18;

export interface CleanOptions {
  rules?: BoilerplateRule[];
}

interface Unit {
  text: string;
  rawLine: number;
}

/** Rules grouped by the scopes a check looks at, each group behind one combined regular expression. */
class RuleGroup {
  private readonly any: RegExp;
  constructor(private readonly rules: readonly BoilerplateRule[]) {
    // One combined test rejects the ordinary sentence at once; only a hit looks for which rule.
    this.any = rules.length === 0 ? /$^/ : new RegExp(rules.map((rule) => `(?:${rule.pattern.source})`).join("|"), "i");
  }
  first(text: string): BoilerplateRule | undefined {
    return this.any.test(text) ? this.rules.find((rule) => rule.pattern.test(text)) : undefined;
  }
}

type RuleGroups = Record<"anywhere" | "inBlock" | "heading" | "wholeLine", RuleGroup>;

const groupsByRules = new WeakMap<readonly BoilerplateRule[], RuleGroups>();

function groupsOf(rules: readonly BoilerplateRule[]): RuleGroups {
  let groups = groupsByRules.get(rules);
  if (!groups) {
    const inScopes = (scopes: ReadonlySet<string>): RuleGroup => new RuleGroup(rules.filter((rule) => scopes.has(rule.scope)));
    groups = { anywhere: inScopes(ANYWHERE), inBlock: inScopes(IN_BLOCK), heading: inScopes(HEADING), wholeLine: inScopes(WHOLE_LINE) };
    groupsByRules.set(rules, groups);
  }
  return groups;
}

const ANYWHERE = new Set(["sentence", "block-start"]);
/**
 * Inside an appeal block a sentence is removed by any rule of ANYWHERE or by a `block` rule. It is
 * only tested here after ANYWHERE's rules have not matched it, so this group holds the `block`
 * rules alone, with the same outcome. Compiling the combined expressions is most of the first
 * document's cleaning: ANYWHERE's rules compiled a second time here cost ~6 ms of its ~14.
 */
const IN_BLOCK = new Set(["block"]);
const HEADING = new Set(["heading"]);
const WHOLE_LINE = new Set(["line"]);

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Stage 1: turn the raw input into the cleaned text the rest of the pipeline reads. Boilerplate is
 * removed sentence by sentence and each removal is recorded as a message with its input line, so
 * `--explain` can show what went and why. Each surviving input line becomes one paragraph.
 */
export function clean(doc: Doc, options: CleanOptions = {}): void {
  const groups = groupsOf(options.rules ?? builtinBoilerplateRules());
  const kept: Array<{ text: string; rawLine: number }> = [];
  let inBlock = false;
  let inLinkList = false;

  const remove = (unit: Unit, rule: BoilerplateRule, why: string): void => {
    doc.message({ stage: "clean", severity: "info", reason: `removed ${rule.category} (${why}, ${rule.id}): ${unit.text}`, line: unit.rawLine });
  };

  splitLines(doc.raw).forEach((rawLineText, lineIndex) => {
    const line = normalizeLine(rawLineText);
    const rawLine = lineIndex + 1;
    if (line === "") return;

    const caption = groups.wholeLine.first(line);
    if (caption) {
      remove({ text: line, rawLine }, caption, "whole line");
      return;
    }
    const heading = groups.heading.first(line);
    if (heading) {
      remove({ text: line, rawLine }, heading, "heading");
      inLinkList = true;
      inBlock = false;
      return;
    }
    if (inLinkList) {
      if (!ENDS_LIKE_PROSE.test(line) && wordCount(line) <= MAX_LINK_TITLE_WORDS) {
        doc.message({ stage: "clean", severity: "info", reason: `removed related (link title after a related-links heading): ${line}`, line: rawLine });
        return;
      }
      inLinkList = false;
    }

    const keptUnits: string[] = [];
    for (const piece of splitGluedSentences(line)) {
      for (const text of SEAM_MARK.test(piece) ? piece.split(SENTENCE_SEAM) : [piece]) {
        const unit = { text, rawLine };
        const strong = groups.anywhere.first(text);
        if (strong) {
          remove(unit, strong, strong.scope === "block-start" ? "opens an appeal block" : "boilerplate sentence");
          if (strong.scope === "block-start") inBlock = true;
          continue;
        }
        if (inBlock) {
          const weak = groups.inBlock.first(text);
          if (weak) {
            remove(unit, weak, "inside an appeal block");
            continue;
          }
          inBlock = false;
        }
        keptUnits.push(text);
      }
    }
    if (keptUnits.length > 0) kept.push({ text: keptUnits.join(" "), rawLine });
  });

  // Layout roles: the first kept line is a headline, the next a dek, when they read like titles.
  const paragraphs: Paragraph[] = [];
  let offset = 0;
  kept.forEach((line, index) => {
    const titleLike = !ENDS_LIKE_PROSE.test(line.text) && wordCount(line.text) <= MAX_TITLE_WORDS;
    let role: SentenceRole = "body";
    if (titleLike && index === 0) role = "headline";
    else if (titleLike && index === 1 && paragraphs[0]?.role === "headline") role = "dek";
    paragraphs.push({ start: offset, end: offset + line.text.length, role, rawLine: line.rawLine });
    offset += line.text.length + 1;
  });
  doc.text = kept.map((line) => line.text).join("\n");
  doc.paragraphs = paragraphs;
}
