import type { CodedEvent, DocMeta } from "../../src/document/types.js";

/** A hand-built event: Russia's government hosts a visit by Iran's (CAMEO 043) on 2022-01-19. */
export function russiaVisitsIran(): CodedEvent {
  return {
    doc: "tass-2022-01-19",
    sentence: 2,
    date: "2022-01-19",
    datePrecision: "day",
    source: "RUSGOV",
    target: "IRNGOV",
    code: "043",
    root: "04",
    quad: 1,
    goldstein: 2.8,
    plover: { event: "CONSULT", mode: "visit", context: "" },
    text: "Russian President Vladimir Putin hosted Iranian President Ebrahim Raisi in Moscow on Wednesday.",
    spans: { source: [0, 32], target: [40, 71], verb: [33, 39] },
    rule: ["verb:host", "actor:person:putin", "actor:person:raisi"],
  };
}

export const tassMeta: DocMeta = {
  id: "tass-2022-01-19",
  date: "2022-01-19",
  title: "Putin hosts Raisi",
  url: "https://tass.example/world/1234",
  source: "TASS",
};

/** Enough countries for the tests, without depending on data/actors/countries.tsv. */
export const testCountries: ReadonlySet<string> = new Set(["RUS", "IRN", "USA", "AFG", "GBR", "CHN", "ISR", "PSE"]);
