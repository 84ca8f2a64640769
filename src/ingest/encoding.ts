/**
 * Turning the bytes of a page, feed or saved text into a string, the way a browser would: a byte
 * order mark wins, then the charset of the HTTP Content-Type, then a charset the document declares
 * itself (`<meta charset>`, `<meta http-equiv="Content-Type">`, `<?xml encoding?>`), then UTF-8 if
 * the bytes are valid UTF-8, and windows-1252 (what browsers use for "latin-1" too) when they are not.
 * Labels are resolved by the WHATWG Encoding Standard table built into Node's TextDecoder, so
 * "latin1", "iso-8859-1", "ascii" and "cp1252" all decode as windows-1252.
 */

/** Where the encoding used came from, for messages and tests. */
export type EncodingSource = "bom" | "http" | "meta" | "xml" | "utf-8" | "fallback";

export interface DecodedText {
  text: string;
  /** WHATWG encoding name actually used: "utf-8", "windows-1252", "utf-16le", "shift_jis"... */
  encoding: string;
  source: EncodingSource;
}

/**
 * How far into a document a `<meta charset>` or XML declaration is looked for. The HTML standard
 * says 1024 bytes, but saved pages often carry long inline scripts and styles first; a wider window
 * costs nothing and rescues them.
 */
const DECLARATION_SCAN_BYTES = 16_384;

/** Decode `bytes` to a string (without BOM) using the first encoding signal that is present and valid. */
export function decode(bytes: Uint8Array, contentType?: string): DecodedText {
  const bom = encodingFromBom(bytes);
  if (bom) return { text: decodeWith(bom, bytes), encoding: bom, source: "bom" };

  const http = contentType === undefined ? undefined : supportedEncoding(charsetFromContentType(contentType));
  if (http) return decodeDeclared(bytes, http, "http");

  const declared = declaredCharset(bytes);
  if (declared) {
    const encoding = supportedEncoding(declared.charset);
    if (encoding) return decodeDeclared(bytes, encoding, declared.source);
  }

  const utf16 = guessBomlessUtf16(bytes);
  if (utf16) return { text: decodeWith(utf16, bytes), encoding: utf16, source: "fallback" };
  return decodeUndeclared(bytes);
}

/** The `charset` parameter of a Content-Type header value, if any: `text/html; charset="ISO-8859-1"`. */
export function charsetFromContentType(contentType: string): string | undefined {
  const match = /(?:^|;)\s*charset\s*=\s*("([^"]*)"|'([^']*)'|[^\s;]+)/i.exec(contentType);
  if (!match) return undefined;
  const value = match[2] ?? match[3] ?? match[1] ?? "";
  return value.trim() || undefined;
}

/**
 * The charset a document declares in its first bytes: an XML declaration's `encoding`, a
 * `<meta charset>`, or a `<meta http-equiv="Content-Type" content="...; charset=...">`.
 */
export function declaredCharset(bytes: Uint8Array): { charset: string; source: "meta" | "xml" } | undefined {
  // Every encoding a page can declare itself in is ASCII-compatible for the declaration, so reading
  // the head byte-for-character (latin1) is enough to find it.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, DECLARATION_SCAN_BYTES)).toString(
    "latin1",
  );
  const xml = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml?.[1]) return { charset: xml[1], source: "xml" };

  const withoutComments = head.replace(/<!--[\s\S]*?(-->|$)/g, "");
  for (const tag of withoutComments.matchAll(/<meta\b([^>]*)>/gi)) {
    const attributes = tagAttributes(tag[1] ?? "");
    const charset = attributes.get("charset");
    if (charset) return { charset, source: "meta" };
    // A charset= inside some other meta's content (an og:description, say) is not a declaration.
    if (attributes.get("http-equiv")?.toLowerCase() === "content-type") {
      const declared = charsetFromContentType(attributes.get("content") ?? "");
      if (declared) return { charset: declared, source: "meta" };
    }
  }
  return undefined;
}

/** Attributes of a tag as lower-cased name → value (quotes removed). */
function tagAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(/([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
    const name = (match[1] ?? "").toLowerCase();
    const value = (match[2] ?? "").replace(/^["']|["']$/g, "").trim();
    if (!attributes.has(name)) attributes.set(name, value);
  }
  return attributes;
}

/** The WHATWG name of a charset label Node can decode ("latin1" → "windows-1252"), or undefined for unknown labels. */
export function supportedEncoding(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return undefined;
  }
}

function encodingFromBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

function decodeWith(encoding: string, bytes: Uint8Array): string {
  if (encoding === "windows-1252") return decodeWindows1252(bytes);
  // TextDecoder drops a BOM matching the encoding by itself.
  return new TextDecoder(encoding).decode(bytes);
}

/**
 * windows-1252 is latin-1 except for 0x80–0x9F, where it has the euro sign, curly quotes, dashes
 * and ellipsis that news text is full of (WHATWG index-windows-1252; the five unassigned bytes stay
 * C1 controls, as the standard says). Decoded here rather than by TextDecoder because Node
 * 20.18.3+ and 22.13+ decode that range as latin-1 (nodejs/node#56542, #60888), which would turn
 * every “quote” into an invisible control character.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return latin1.replace(/[\u0080-\u009f]/g, (char) => String.fromCharCode(WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80] ?? 0xfffd));
}

/**
 * A declared encoding is trusted, with one exception seen all the time in crawls: a page that says
 * UTF-8 (or says UTF-16, which a page we could read the declaration of cannot be) but whose bytes
 * are single-byte text. Then the bytes decide, as for an undeclared page.
 */
function decodeDeclared(bytes: Uint8Array, encoding: string, source: EncodingSource): DecodedText {
  // A document whose declaration was readable as ASCII is not UTF-16; the HTML standard reads it as UTF-8.
  const effective = encoding === "utf-16le" || encoding === "utf-16be" ? "utf-8" : encoding;
  if (effective !== "utf-8") return { text: decodeWith(effective, bytes), encoding: effective, source };
  const strict = tryStrictUtf8(bytes);
  if (strict !== undefined) return { text: strict, encoding: "utf-8", source };
  if (hasUtf8Sequences(bytes)) return { text: decodeWith("utf-8", bytes), encoding: "utf-8", source };
  return { text: decodeWith("windows-1252", bytes), encoding: "windows-1252", source: "fallback" };
}

/**
 * No declaration: valid UTF-8 is UTF-8. Invalid UTF-8 that still contains well-formed multi-byte
 * sequences is UTF-8 with a few damaged bytes (keep it, with replacement characters); otherwise
 * the high bytes are single-byte text, which on the web is windows-1252 (a superset of latin-1's
 * printable range).
 */
function decodeUndeclared(bytes: Uint8Array): DecodedText {
  const strict = tryStrictUtf8(bytes);
  if (strict !== undefined) return { text: strict, encoding: "utf-8", source: "utf-8" };
  if (hasUtf8Sequences(bytes)) return { text: decodeWith("utf-8", bytes), encoding: "utf-8", source: "utf-8" };
  return { text: decodeWith("windows-1252", bytes), encoding: "windows-1252", source: "fallback" };
}

function tryStrictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Whether the bytes contain at least a few well-formed UTF-8 multi-byte sequences (and more of them than stray high bytes). */
function hasUtf8Sequences(bytes: Uint8Array): boolean {
  let sequences = 0;
  let strays = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    if (byte < 0x80) continue;
    const length = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    let valid = length > 0 && i + length <= bytes.length;
    for (let k = 1; valid && k < length; k++) valid = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    if (valid) {
      sequences += 1;
      i += length - 1;
    } else {
      strays += 1;
    }
  }
  return sequences > 0 && sequences >= strays;
}

/**
 * UTF-16 without a BOM shows up as text where every other byte is NUL. Checked only when nothing
 * was declared, on the first bytes: mostly-ASCII UTF-16 has a NUL in (nearly) all odd (LE) or even
 * (BE) positions, which no single-byte or UTF-8 text has.
 */
export function guessBomlessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const length = Math.min(bytes.length, 1024) & ~1;
  if (length < 8) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros += 1;
    if (bytes[i + 1] === 0) oddZeros += 1;
  }
  const pairs = length / 2;
  if (oddZeros / pairs > 0.7 && evenZeros / pairs < 0.1) return "utf-16le";
  if (evenZeros / pairs > 0.7 && oddZeros / pairs < 0.1) return "utf-16be";
  return undefined;
}
