import { describe, expect, it } from "vitest";
import { parseValidationXml } from "../../src/eval/validation-xml.js";

const xml = (environment: string): string => `<Validation>
<Environment>${environment}</Environment>
<Sentences>
<Sentence date="19950101" id="DEMO-00" category="DEMO" valid="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>Arnor is about to restore full diplomatic ties with Gondor.</Text>
</Sentence>
</Sentences>
</Validation>`;

describe("parseValidationXml <Environment>", () => {
  it("reads the dictionary files the suite names", () => {
    const suite = parseValidationXml(
      xml(`<Verbfile>PETR.Validate.verbs.txt</Verbfile>
    <Actorfile>A.actors.txt, B.actors.txt</Actorfile>
    <Agentfile>PETR.Validate.agents.txt</Agentfile>
    <Discardfile>PETR.Validate.discards.txt</Discardfile>
    <Errorfile>Errors.unit-test.txt</Errorfile>`),
      "suite.xml",
    );
    expect(suite.environment).toEqual({
      verbs: "PETR.Validate.verbs.txt",
      actors: ["A.actors.txt", "B.actors.txt"],
      agents: "PETR.Validate.agents.txt",
      discards: "PETR.Validate.discards.txt",
    });
    expect(suite.records.map((record) => record.id)).toEqual(["DEMO-00"]);
  });

  it("has no environment when none names a dictionary", () => {
    expect(parseValidationXml(xml("<Errorfile>Errors.txt</Errorfile>"), "suite.xml").environment).toBeUndefined();
  });
});
