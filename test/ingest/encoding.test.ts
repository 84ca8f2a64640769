import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { charsetFromContentType, declaredCharset, decode, supportedEncoding } from "../../src/ingest/encoding.js";

const fixture = (name: string): Uint8Array => readFileSync(new URL(`../fixtures/html/encodings/${name}`, import.meta.url));

/** The sentence every encoded fixture carries, with the characters each encoding must get right. */
const QUOTE = "“It’s a beginning, not an end,” Ramírez told reporters at the Café du Théâtre after the signing.";

describe("decode", () => {
  it("reads windows-1252 declared by <meta charset>, typographic quotes and euro sign included", () => {
    const result = decode(fixture("windows-1252-meta.html"));
    expect(result).toMatchObject({ encoding: "windows-1252", source: "meta" });
    expect(result.text).toContain(QUOTE);
    expect(result.text).toContain("aid convoys worth €40 million");
    expect(result.text).not.toContain("\uFFFD");
  });

  it("reads latin-1 declared by <meta http-equiv> (decoded as windows-1252, its superset)", () => {
    const result = decode(fixture("latin1-http-equiv.html"));
    expect(result).toMatchObject({ encoding: "windows-1252", source: "meta" });
    expect(result.text).toContain("\"It's a beginning, not an end,\" Ramírez told reporters at the Café du Théâtre");
    expect(result.text).toContain("Zürich");
  });

  it("falls back to windows-1252 when undeclared bytes are not valid UTF-8", () => {
    const result = decode(fixture("windows-1252-undeclared.html"));
    expect(result).toMatchObject({ encoding: "windows-1252", source: "fallback" });
    expect(result.text).toContain(QUOTE);
  });

  it("does not trust a UTF-8 declaration over single-byte text", () => {
    const result = decode(fixture("utf8-declared-but-windows-1252.html"));
    expect(result).toMatchObject({ encoding: "windows-1252", source: "fallback" });
    expect(result.text).toContain(QUOTE);
  });

  it("reads undeclared UTF-8 as UTF-8", () => {
    const result = decode(fixture("utf8-undeclared.html"));
    expect(result).toMatchObject({ encoding: "utf-8", source: "utf-8" });
    expect(result.text).toContain(QUOTE);
  });

  it("strips a UTF-8 byte order mark", () => {
    const result = decode(fixture("utf8-bom.html"));
    expect(result).toMatchObject({ encoding: "utf-8", source: "bom" });
    expect(result.text.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(result.text).toContain(QUOTE);
  });

  it("reads UTF-16 little- and big-endian with a BOM, whatever the page declares", () => {
    const little = decode(fixture("utf16le-bom.html"));
    expect(little).toMatchObject({ encoding: "utf-16le", source: "bom" });
    expect(little.text.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(little.text).toContain(QUOTE);
    const big = decode(fixture("utf16be-bom.html"));
    expect(big).toMatchObject({ encoding: "utf-16be", source: "bom" });
    expect(big.text).toContain(QUOTE);
  });

  it("recognises UTF-16 without a BOM by its NUL bytes", () => {
    const bytes = Buffer.from("<html><body><p>Zürich — “ceasefire”</p></body></html>", "utf16le");
    const result = decode(bytes);
    expect(result.encoding).toBe("utf-16le");
    expect(result.text).toBe("<html><body><p>Zürich — “ceasefire”</p></body></html>");
  });

  it("lets the HTTP Content-Type charset override the page's own declaration", () => {
    const bytes = Buffer.from('<meta charset="utf-8"><p>caf\xe9</p>', "latin1");
    expect(decode(bytes, "text/html; charset=ISO-8859-1")).toMatchObject({
      text: '<meta charset="utf-8"><p>café</p>',
      encoding: "windows-1252",
      source: "http",
    });
  });

  it("lets a BOM override the HTTP Content-Type", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("<p>café</p>", "utf8")]);
    expect(decode(bytes, "text/html; charset=windows-1252")).toMatchObject({ text: "<p>café</p>", source: "bom" });
  });

  it("ignores an unknown or missing charset and goes on to the next signal", () => {
    const bytes = Buffer.from("<p>Zürich</p>", "utf8");
    expect(decode(bytes, "text/html; charset=x-no-such-thing")).toMatchObject({ text: "<p>Zürich</p>", source: "utf-8" });
    expect(decode(bytes, "text/html")).toMatchObject({ text: "<p>Zürich</p>", source: "utf-8" });
  });

  it("reads the encoding of an XML declaration (feeds)", () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>S\xe3o Paulo</title></rss>', "latin1");
    expect(decode(bytes)).toMatchObject({ text: '<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>São Paulo</title></rss>', source: "xml" });
  });

  it("decodes other declared encodings Node knows (Shift_JIS)", () => {
    // "ニュース" (news) in Shift_JIS.
    const bytes = Buffer.concat([Buffer.from('<meta charset="shift_jis"><p>'), Buffer.from([0x83, 0x6a, 0x83, 0x85, 0x81, 0x5b, 0x83, 0x58]), Buffer.from("</p>")]);
    expect(decode(bytes)).toMatchObject({ text: '<meta charset="shift_jis"><p>ニュース</p>', encoding: "shift_jis" });
  });

  it("keeps UTF-8 with a few damaged bytes as UTF-8 instead of turning every accent into mojibake", () => {
    const bytes = Buffer.concat([Buffer.from("<p>Zürich, São Paulo, Kraków</p>", "utf8"), Buffer.from([0xff]), Buffer.from("<p>end</p>")]);
    const result = decode(bytes);
    expect(result.encoding).toBe("utf-8");
    expect(result.text).toBe("<p>Zürich, São Paulo, Kraków</p>\uFFFD<p>end</p>");
  });

  it("decodes empty input to an empty string", () => {
    expect(decode(new Uint8Array(0))).toMatchObject({ text: "", encoding: "utf-8" });
  });
});

describe("charset helpers", () => {
  it("reads the charset parameter of a Content-Type value, quoted or not", () => {
    expect(charsetFromContentType("text/html; charset=UTF-8")).toBe("UTF-8");
    expect(charsetFromContentType('text/html;charset="windows-1252"; foo=bar')).toBe("windows-1252");
    expect(charsetFromContentType("application/rss+xml")).toBeUndefined();
  });

  it("finds meta declarations but not a charset= inside other meta content or comments", () => {
    const head = (html: string): Uint8Array => Buffer.from(html, "latin1");
    expect(declaredCharset(head('<html><head><meta charset="iso-8859-2">'))).toEqual({ charset: "iso-8859-2", source: "meta" });
    expect(declaredCharset(head("<meta content='text/html; charset=koi8-r' http-equiv='Content-Type'>"))).toEqual({ charset: "koi8-r", source: "meta" });
    expect(declaredCharset(head('<meta name="description" content="set charset=latin1 in PHP">'))).toBeUndefined();
    expect(declaredCharset(head('<!-- <meta charset="big5"> --><p>x</p>'))).toBeUndefined();
  });

  it("maps labels to WHATWG encoding names, and rejects unknown ones", () => {
    expect(supportedEncoding("latin1")).toBe("windows-1252");
    expect(supportedEncoding(" UTF8 ")).toBe("utf-8");
    expect(supportedEncoding("cp1251")).toBe("windows-1251");
    expect(supportedEncoding("klingon")).toBeUndefined();
  });
});
