import type { Doc } from "../document/doc.js";
import type { ActorMention } from "../document/types.js";

function describeActor(doc: Doc, mention: ActorMention): string {
  const text = doc.tokenSpanText(mention.tokenStart, mention.tokenEnd);
  if (mention.members) return `"${text}" → compound of ${mention.members.map((member) => member.code).join(", ")}`;
  return `"${text}" → ${mention.code} (${mention.kind}; ${mention.rule.join(", ")})`;
}

/**
 * A human-readable trace of one document for someone debugging a dictionary: what cleaning
 * removed, then per sentence the actors, each verb group, and why it was or was not coded.
 */
export function explainDocument(doc: Doc): string {
  const lines: string[] = [`# ${doc.meta.id} (published ${doc.meta.date})`];
  for (const message of doc.messages) lines.push(`  [${message.stage}${message.line ? ` line ${message.line}` : ""}] ${message.reason}`);
  for (const sentence of doc.sentences) {
    lines.push("", `[${sentence.index}] (${sentence.role}) ${doc.sentenceText(sentence.index)}`);
    const actors = doc.actors.filter((mention) => mention.sentence === sentence.index);
    lines.push(`  actors: ${actors.length === 0 ? "none" : ""}`);
    for (const mention of actors) lines.push(`    ${describeActor(doc, mention)}`);
    const decisions = doc.decisions.filter((decision) => decision.sentence === sentence.index);
    for (const decision of decisions) {
      const group = doc.verbGroups[decision.verbGroup];
      const flags = group ? [group.passive ? "passive" : "", group.negated ? "negated" : "", group.intent ? `intent(${group.intentMarker ?? ""})` : ""].filter(Boolean) : [];
      lines.push(`  verb "${decision.verb}" [lemma ${group?.lemma ?? "?"}${flags.length ? `; ${flags.join(", ")}` : ""}]: ${decision.reason}`);
    }
    for (const event of doc.events.filter((candidate) => candidate.sentence === sentence.index)) {
      lines.push(`  EVENT ${event.source} ${event.code} ${event.target ?? "-"} on ${event.date} (${event.datePrecision})  rule: ${event.rule.join("; ")}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** What cleaning removed from one document and why. */
export function explainCleaning(doc: Doc): string {
  const removals = doc.messages.filter((message) => message.stage === "clean");
  const lines = [`# ${doc.meta.id}: ${removals.length === 0 ? "nothing removed" : `${removals.length} removed`}`];
  for (const message of removals) lines.push(`  ${message.line ? `line ${message.line}: ` : ""}${message.reason}`);
  return `${lines.join("\n")}\n`;
}
