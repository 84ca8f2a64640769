import { describe, expect, it } from "vitest";
import { detectLanguage, languageSample, LONG_TEXT_LETTERS, looksEnglishByStopWords } from "../../src/ingest/language.js";
import { readFixture } from "../helpers.js";

const SPANISH =
  "El presidente de Egipto recibió el martes en El Cairo a las delegaciones del ejército sudanés y de las Fuerzas de Apoyo Rápido, " +
  "que aceptaron reanudar las negociaciones para un alto el fuego de treinta días. Los mediadores esperan que la tregua permita " +
  "la entrada de ayuda humanitaria en la ciudad sitiada de El Fasher.";
const GERMAN =
  "Die Vertreter der sudanesischen Armee und der paramilitärischen Gruppe RSF haben sich am Dienstag in Kairo auf neue " +
  "Gespräche über eine Waffenruhe verständigt. Nach Angaben ägyptischer Beamter sollen die Verhandlungen in der kommenden " +
  "Woche beginnen und sich auf humanitäre Hilfe für die belagerte Stadt El Fasher konzentrieren.";
const FRENCH =
  "Les représentants de l'armée soudanaise et des Forces de soutien rapide ont accepté mardi de reprendre les pourparlers " +
  "de cessez-le-feu au Caire la semaine prochaine, selon des responsables égyptiens, ce qui fait naître un espoir prudent " +
  "d'une pause dans une guerre qui a déplacé des millions de personnes.";

describe("detectLanguage on long texts (English stop words, else franc-min trigrams)", () => {
  it("finds English in a news article, confidently", () => {
    expect(detectLanguage(readFixture("dedup/wire-original.txt"))).toEqual({ code: "eng", confident: true, basis: "stop-words" });
  });

  it.each([
    ["spa", SPANISH],
    ["deu", GERMAN],
    ["fra", FRENCH],
  ])("finds %s", (code, text) => {
    expect(detectLanguage(text)).toEqual({ code, confident: true, basis: "trigrams" });
  });

  it("finds Russian", () => {
    const russian =
      "Представители армии Судана и Сил быстрого реагирования договорились во вторник возобновить в Каире переговоры " +
      "о прекращении огня, сообщили египетские чиновники. Переговоры начнутся на следующей неделе и будут посвящены " +
      "тридцатидневному перемирию, которое позволит доставить гуманитарную помощь в осаждённый город Эль-Фашир.";
    expect(detectLanguage(russian)).toEqual({ code: "rus", confident: true, basis: "trigrams" });
  });
});

describe("detectLanguage on short texts (English stop-word rule)", () => {
  it("treats a short English sentence with English function words as English, not confidently", () => {
    expect(detectLanguage("Turkish President Recep Tayyip Erdogan hosted his Egyptian counterpart Wednesday.")).toEqual({
      code: "eng",
      confident: false,
      basis: "stop-words",
    });
    expect(detectLanguage("Egypt and Qatar urged Israel to accept a ceasefire in Gaza.").code).toBe("eng");
  });

  it("does not call a short text without English function words English", () => {
    expect(detectLanguage("Russia attacked Ukraine")).toEqual({ code: "und", confident: false, basis: "too-short" });
    expect(detectLanguage("Putin meets Xi in Beijing").code).toBe("und");
  });

  it("reports franc-min's guess for a short foreign text, not confidently", () => {
    expect(detectLanguage("El presidente de Rusia se reunió con su homólogo chino en Pekín el martes.")).toEqual({
      code: "spa",
      confident: false,
      basis: "short-guess",
    });
    // A script of its own narrows the language down even in a few letters.
    expect(detectLanguage("习近平在北京会见普京")).toEqual({ code: "cmn", confident: false, basis: "short-guess" });
    expect(["rus", "ukr", "bel", "bul"]).toContain(detectLanguage("Путин встретился с Си Цзиньпином").code);
  });

  it("says undetermined for Latin-script texts too short for a guess", () => {
    expect(detectLanguage("Reunión en Pekín")).toEqual({ code: "und", confident: false, basis: "too-short" });
  });

  it("says undetermined, for want of letters, for digits, symbols and addresses", () => {
    expect(detectLanguage("")).toEqual({ code: "und", confident: false, basis: "no-letters" });
    expect(detectLanguage("12,345 — 67.8% (2024)")).toEqual({ code: "und", confident: false, basis: "no-letters" });
    expect(detectLanguage("https://example.com/2024/10/08/story-12345 info@example.com").basis).toBe("no-letters");
  });

  it("is confident from LONG_TEXT_LETTERS letters on", () => {
    const sentence = "Officials said the talks would resume next week. ";
    const long = sentence.repeat(Math.ceil(LONG_TEXT_LETTERS / 38));
    expect(detectLanguage(long)).toEqual({ code: "eng", confident: true, basis: "stop-words" });
    expect(detectLanguage(sentence)).toEqual({ code: "eng", confident: false, basis: "stop-words" });
  });
});

describe("looksEnglishByStopWords", () => {
  it("needs more English stop words than those of another language", () => {
    expect(looksEnglishByStopWords("Der Präsident und die Regierung in Berlin")).toBe(false);
    expect(looksEnglishByStopWords("De minister is in Den Haag aangekomen")).toBe(false);
    expect(looksEnglishByStopWords("A equipe do Serviço de Atendimento Domiciliar")).toBe(false);
    expect(looksEnglishByStopWords("Two service members have been killed in a helicopter crash")).toBe(true);
  });

  it("needs the letters to be mostly ASCII", () => {
    expect(looksEnglishByStopWords("Путин и Си the")).toBe(false);
  });

  it("does not count words shared with other languages (a, in, on, an, as)", () => {
    expect(looksEnglishByStopWords("Troops in tanks on patrol as an escort")).toBe(false);
  });
});

describe("languageSample", () => {
  it("drops addresses, handles and digits, and caps the length", () => {
    expect(languageSample("See https://example.com/a?b=1 or write to desk@example.com, @newsdesk #Sudan 2024")).toBe("See or write to");
    expect(languageSample("word ".repeat(2000)).length).toBeLessThanOrEqual(2400);
  });
});

describe("language screening: the ASCII fast path", () => {
  const texts = [
    "Russian President Vladimir Putin hosted Iranian President Ebrahim Raisi at the Kremlin on Wednesday for talks on trade and security.",
    "Le président français a rencontré son homologue allemand à Paris pour discuter de la crise et des sanctions.",
    "El presidente se reunio con su homologo en Madrid para hablar de la crisis y de las sanciones.",
    "Der Bundeskanzler traf sich mit dem Praesidenten in Berlin und sprach ueber die Krise und die Sanktionen.",
    "Visit https://example.com or write to desk@example.org #breaking @newsdesk 2024 for the latest on the talks.",
  ];

  it("decides as the Unicode path does: one accented letter far from any stop word changes nothing", () => {
    for (const text of texts) {
      // "Zoë" turns the text non-ASCII without adding or removing a word of any list.
      const accented = `${text} Zoë`;
      const plain = `${text} Zoe`;
      expect(looksEnglishByStopWords(languageSample(accented)), text).toBe(looksEnglishByStopWords(languageSample(plain)));
      expect(detectLanguage(accented).code, text).toBe(detectLanguage(plain).code);
    }
  });

  it("removes addresses, handles and digits on both paths", () => {
    expect(languageSample("See https://example.com/a?b=1, mail desk@example.org, #tag @user 2024 ok")).toBe("See mail ok");
    expect(languageSample("Voir https://example.com/a, é desk@example.org #tag 2024 ok")).toBe("Voir é ok");
  });
});
