import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createForeignCoder } from "../../../src/dictionaries/coder.js";
import { withCodingOptions } from "../../../src/events/imported/compile.js";
import { processDocument } from "../../../src/pipeline.js";

const folder = fileURLToPath(new URL("./fixtures/mini", import.meta.url));
const { coder } = createForeignCoder(folder);

/** The events of one sentence as "SOURCE CODE TARGET" strings. */
function code(text: string, date = "1995-01-01"): string[] {
  const doc = processDocument(coder, { id: "t", date }, text);
  return doc.events.map((event) => `${event.source} ${event.code} ${event.target}`);
}

describe("imported verb patterns", () => {
  it("carries the imported verbs on the coder", () => {
    expect(coder.importedVerbs?.blocks.map((block) => block.name)).toEqual(["RESTORE", "ABANDON", "LEFT", "AGREE", "OPPOSE", "FREE", "ACCORD", "WARN", "REGRET", "SAID", "SHOT", "SHOT", "STRIKE"]);
  });

  it("codes the block's code from the subject to the first actor after the verb", () => {
    expect(code("Arnor will restore full ties with Gondor.")).toEqual(["ARN 064 GON"]);
  });

  it("prefers the most specific pattern: synsets, gaps and glued words", () => {
    expect(code("Arnor will restore full economic ties with Gondor.")).toEqual(["ARN 902 GON"]);
    expect(code("Arnor will restore new military ties with Gondor.")).toEqual(["ARN 903 GON"]);
    // "NEW_&TIES_TIES" is glued: a word in between breaks it, the gapped pattern still fits.
    expect(code("Arnor will restore new global military ties with Gondor.")).toEqual(["ARN 902 GON"]);
  });

  it("matches words exactly, not by lemma, as PETRARCH does", () => {
    expect(code("Arnor abandoned the effort with Gondor.")).toEqual(["ARN 987 GON"]);
    expect(code("Arnor abandoned the efforts with Gondor.")).toEqual(["ARN 345 GON"]);
  });

  it("gives the forward and the reverse event for paired codes", () => {
    expect(code("Arnor left for Minas Tirith on Wednesday.")).toEqual(["ARN 032 GON", "GON 033 ARN"]);
  });

  it("binds compounds with %: members with each other, or as targets", () => {
    expect(code("Arnor and Osgiliath agree that the war should end.")).toEqual(["ARN 030 OSG", "OSG 030 ARN"]);
    expect(code("Gondor agrees with Arnor and Osgiliath.")).toEqual(["GON 031 ARN", "GON 031 OSG"]);
  });

  it("binds $ and + where the pattern puts them", () => {
    expect(code("Gondor was freed from Osgiliath.")).toEqual(["OSG 066 GON"]);
  });

  it("takes the by-phrase of a passive verb as the source", () => {
    expect(code("Arnor was opposed by Osgiliath.")).toEqual(["OSG 112 ARN"]);
  });

  it("codes nothing for --- and without a target", () => {
    expect(code("Arnor will accord with Gondor.")).toEqual([]);
    expect(code("Arnor will restore full ties, officials said.")).toEqual([]);
  });

  it("composes agents with actors, before and after the root code", () => {
    expect(code("The Arnor government will restore ties with the Gondor main opposition group.")).toEqual(["ARNGOV 064 GONMOPOPP"]);
    expect(code("MSF Arnor will restore ties with Gondor.")).toEqual(["NGOARN 064 GON"]);
    expect(code("Lawmakers and officials in Arnor will restore ties with Gondor.")).toEqual(["ARNLEG 064 GON", "ARNGOV 064 GON"]);
  });

  it("gives one event per member of a compound and of a multi-code actor", () => {
    expect(code("Arnor and Gondor will restore ties with Osgiliath.")).toEqual(["ARN 064 OSG", "GON 064 OSG"]);
    expect(code("The Shire will restore ties with Gondor.")).toEqual(["FRO 064 GON", "BIL 064 GON", "SAM 064 GON"]);
  });

  it("codes dated actors at the record's date", () => {
    expect(code("Smeagol will restore ties with Gondor.", "1995-01-01")).toEqual(["HOB 064 GON"]);
    expect(code("Smeagol will restore ties with Gondor.", "1998-01-01")).toEqual(["HOBGOV 064 GON"]);
    expect(code("Smeagol will restore ties with Gondor.", "2001-01-01")).toEqual(["HOBREB 064 GON"]);
  });

  it("stops at discards: the sentence, or the whole story for + discards", () => {
    expect(code("Arnor will restore baseball ties with Gondor.")).toEqual([]);
    expect(code("Arnor will restore ties with Gondor. A typhoon hit Osgiliath.")).toEqual([]);
    expect(code("Arnor will restore ties with Gondor. Osgiliath likes baseball.")).toEqual(["ARN 064 GON"]);
  });

  it("codes former office holders as elites", () => {
    expect(code("Arnor former officials will restore ties with former Gondor prosecutors.")).toEqual(["ARNELI 064 GONELI"]);
  });

  it("lets modifiers stand between the blank-separated words of an actor name", () => {
    expect(code("Arnor will restore ties with Ithilen state-run television.")).toEqual(["ARN 064 ITHTV"]);
    expect(code("Arnor will restore ties with Ithilen.")).toEqual(["ARN 064 ITH"]);
  });

  it("reads words joined by underscores in the text as separate words", () => {
    expect(code("Ithilen warned their people about the Prince of Dol_Amroth.", "1999-08-09")).toEqual(["ITH 162 DOL"]);
  });

  it("treats an actor coded --- (at that date) as no actor", () => {
    expect(code("Ithilen warned their people about the Prince of Dol Amroth.", "1995-01-01")).toEqual([]);
  });

  it("takes the subject of the first word a pattern matched before the verb", () => {
    expect(code("Gondor's minister noted that Osgiliath regretted the decision.")).toEqual(["GONGOV 115 OSG"]);
  });

  it("does not guess the referent of a pronoun subject", () => {
    expect(code("On the border with Gondor, he said Arnor was wrong.")).toEqual([]);
  });

  it("codes no default event for a negated verb, but lets patterns code negations", () => {
    expect(code("Arnor did not oppose Gondor.")).toEqual([]);
    expect(code("Arnor will not restore relations with Gondor.")).toEqual(["ARN 112 GON"]);
  });

  it("tries the patterns of every block that lists the same verb", () => {
    expect(code("An Arnorian was shot dead in Osgiliath.")).toEqual([]);
    expect(code("Arnor was shot dead in Osgiliath.")).toEqual(["OSG 224 ARN"]);
  });

  it("keeps parley's own actors where the imported ones leave gaps with --with-builtin", () => {
    const { coder: both } = createForeignCoder(folder, { withBuiltin: true });
    const doc = processDocument(both, { id: "t", date: "1995-01-01" }, "Arnor will restore ties with France.");
    expect(doc.events.map((event) => `${event.source} ${event.code} ${event.target}`)).toEqual(["ARN 064 FRA"]);
  });

  it("sets aside short comma-delimited clauses, as PETRARCH's comma options say", () => {
    // The final clause (6 words) goes; with it the "said" event that would have no target anyway.
    expect(code("Arnor will restore ties with Gondor, a senior Osgiliath official said on Saturday.")).toEqual(["ARN 064 GON"]);
    // An internal clause of 2 to 8 words goes too, so its actor is not the target.
    expect(code("Arnor, hoping for peace, will restore ties with Gondor.")).toEqual(["ARN 064 GON"]);
  });

  it("codes the missing side as --- when require_dyad is false", () => {
    const verbs = coder.importedVerbs;
    if (!verbs) throw new Error("no imported verbs");
    const lenient = { ...coder, importedVerbs: withCodingOptions(verbs, { require_dyad: "false", comma_emax: "0" }) };
    const doc = processDocument(lenient, { id: "t", date: "1995-01-01" }, "Arnor will restore ties with Gondor, a senior Osgiliath official said on Saturday.");
    expect(doc.events.map((event) => `${event.source} ${event.code} ${event.target ?? "---"}`)).toEqual(["ARN 064 GON", "OSGGOV 023 ---"]);
  });

  it("does not code a time clause of a verb already coded", () => {
    expect(code("Arnor will restore ties with Gondor after Osgiliath opposed Ithilen.")).toEqual(["ARN 064 GON"]);
    expect(code("Osgiliath opposed Ithilen.")).toEqual(["OSG 112 ITH"]);
  });

  it("codes short unknown noun phrases by their words when new_actor_length allows", () => {
    const verbs = coder.importedVerbs;
    if (!verbs) throw new Error("no imported verbs");
    const withNew = (length: string): string[] => {
      const variant = { ...coder, importedVerbs: withCodingOptions(verbs, { new_actor_length: length }) };
      return processDocument(variant, { id: "t", date: "1995-01-01" }, "The Ministry of Magic left for Gondor on Wednesday.").events.map((event) => `${event.source} ${event.code} ${event.target}`);
    };
    expect(withNew("4")).toEqual(['"THE MINISTRY OF MAGIC" 032 GON', 'GON 033 "THE MINISTRY OF MAGIC"']);
    expect(withNew("3")).toEqual([]);
    expect(code("The Ministry of Magic left for Gondor on Wednesday.")).toEqual([]);
  });

  it("fills a missing side with --- only where a noun phrase stands (require_dyad false)", () => {
    const verbs = coder.importedVerbs;
    if (!verbs) throw new Error("no imported verbs");
    const lenient = { ...coder, importedVerbs: withCodingOptions(verbs, { require_dyad: "false" }) };
    const events = (text: string): string[] => processDocument(lenient, { id: "t", date: "1995-01-01" }, text).events.map((event) => `${event.source} ${event.code} ${event.target ?? "---"}`);
    expect(events("Osgiliath officials said on Saturday.")).toEqual(["OSGGOV 023 ---"]);
    expect(events("Osgiliath officials said today.")).toEqual([]);
  });

  it("reads a list of pairs and ends a list at an apposition", () => {
    expect(code("Arnor will restore ties with Gondor and Osgiliath, and Ithilen and the Shire.")).toEqual(["ARN 064 GON", "ARN 064 OSG"]);
    expect(code("Arnor will restore ties with Gondor, Osgiliath and Ithilen.")).toEqual(["ARN 064 GON", "ARN 064 OSG", "ARN 064 ITH"]);
  });

  it("lets a later actor of the same country make the phrase's code more precise", () => {
    expect(code("Arnor President Elendil will restore ties with Gondor.")).toEqual(["ARNGOV 064 GON"]);
  });

  it("reads a dictionary verb after 'the ACTOR' as a noun", () => {
    expect(code("Osgiliath opposed the Arnor strike on Gondor.")).toEqual(["OSG 112 ARN"]);
  });
});

