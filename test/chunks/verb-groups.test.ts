import { describe, expect, it } from "vitest";
import { findVerbGroups } from "../../src/chunks/verb-groups.js";
import { tokenized } from "../helpers.js";

const verbLemmas = new Set(["host", "attack", "rejoin", "expand", "discuss", "pull_out", "shore_up"]);

function groupsOf(text: string) {
  const doc = tokenized(text);
  const sentence = doc.sentences[0]!;
  return findVerbGroups(doc, sentence, { verbLemmas }).map((group) => ({ ...group, text: doc.tokenSpanText(group.tokenStart, group.tokenEnd) }));
}

describe("findVerbGroups", () => {
  it("takes auxiliaries into the group and finds the main verb", () => {
    const [group] = groupsOf("Russian President Vladimir Putin has hosted his Iranian counterpart.");
    expect(group).toMatchObject({ text: "has hosted", lemma: "host", passive: false, negated: false, intent: false });
  });

  it("marks negation", () => {
    expect(groupsOf("Turkey did not attack Egypt.")[0]).toMatchObject({ text: "did not attack", negated: true });
    expect(groupsOf("Turkey didn't attack Egypt.")[0]).toMatchObject({ negated: true });
  });

  it("marks passive voice", () => {
    expect(groupsOf("Raisi was hosted by Putin in Moscow.")[0]).toMatchObject({ text: "was hosted", passive: true });
    expect(groupsOf("The convoy has been attacked by rebels.")[0]).toMatchObject({ passive: true });
    expect(groupsOf("Russia is attacking Ukraine.")[0]).toMatchObject({ passive: false });
  });

  it("marks intentions and offers with their marker", () => {
    expect(groupsOf("President Joe Biden wants to rejoin the deal.")[0]).toMatchObject({ text: "wants to rejoin", lemma: "rejoin", intent: true, intentMarker: "want" });
    expect(groupsOf("Iran is willing to expand cooperation with Russia.")[0]).toMatchObject({ text: "is willing to expand", intentMarker: "willing" });
    expect(groupsOf("He would like to discuss the situation.")[0]).toMatchObject({ lemma: "discuss", intentMarker: "like" });
    expect(groupsOf("Iran will expand cooperation.")[0]).toMatchObject({ intentMarker: "will" });
    // "due" is a schedule like "set": without it "to visit" would be a lone purpose infinitive.
    expect(groupsOf("Xi Jinping is due to visit Moscow on Tuesday.")[0]).toMatchObject({ text: "is due to visit", lemma: "visit", intentMarker: "due" });
    expect(groupsOf("Iran threatened to attack the base.")[0]).toMatchObject({ lemma: "attack", intentMarker: "threaten" });
  });

  it("joins a particle the lexicon knows to the verb", () => {
    expect(groupsOf("Russia will pull out its troops.")[0]).toMatchObject({ lemma: "pull_out", text: "will pull out" });
  });

  it("records other modals without treating them as intentions", () => {
    expect(groupsOf("Russia could attack Ukraine.")[0]).toMatchObject({ modal: "could", intent: false });
  });
});
