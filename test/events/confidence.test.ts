import { describe, expect, it } from "vitest";
import { mentionConfidence } from "../../src/events/confidence.js";
import { code } from "../../src/index.js";

const date = "2024-09-05";

describe("mentionConfidence", () => {
  it("is full for an event read straight off the sentence", () => {
    const [event] = code("Russia signed a treaty with Iran.", { date });
    expect(mentionConfidence(event!)).toBe(100);
  });

  it("costs something for every inference", () => {
    const [reported] = code("Turkish President Recep Tayyip Erdogan said he would visit Egypt.", { date });
    expect(mentionConfidence(reported!)).toBe(70); // pronoun resolved to the speaker, and an intention
    const compound = code("Britain, France and Germany condemned Iran.", { date });
    expect(compound.map(mentionConfidence)).toEqual([90, 90, 90]);
  });
});
