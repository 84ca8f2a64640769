import type { CodedEvent } from "../document/types.js";

/**
 * How sure the coder is of one mention, 10–100, from how its event was found (its `rule` trail):
 * an event read straight off a sentence's subject, verb and object scores 100; every inference on
 * the way costs something. Stores keep it with each mention, as GDELT keeps its Confidence.
 */
const PENALTIES: ReadonlyArray<readonly [marker: string, cost: number]> = [
  ["pronoun:", 25], // the source is a pronoun resolved to an earlier actor
  ["addressee of the speech verb", 15], // the target was inferred from "told X that …"
  ["compound member", 10], // one of several coordinated actors
  ["speaker:", 10], // "Iran will …" said by a leader, coded as the government
  ["counterpart", 10], // "his Iranian counterpart": the office was inferred
  ["intent:", 5], // a statement of intention, not an act
  ["name:", 5], // a title with a name no dictionary knows
];

export function mentionConfidence(event: CodedEvent): number {
  let confidence = 100;
  for (const [marker, cost] of PENALTIES) if (event.rule.some((rule) => rule.includes(marker))) confidence -= cost;
  return Math.max(10, confidence);
}
