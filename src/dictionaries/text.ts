/**
 * Reading dictionary text: decoding and comment removal, shared by every reader.
 *
 * Comments in the three formats (see FORMATS.md):
 * - `<!-- ... -->` XML comments, on one line or spanning several; a line starting with `<!` (the
 *   validation files also write `<! -- ... -->`) opens one too.
 * - `#` (PETRARCH) and `;` (KEDS/TABARI, still honoured by PETRARCH) to the end of the line —
 *   except inside `[...]`, where `#` is part of codes such as `[###]`.
 */

export interface SourceLine {
  /** 1-based line number. */
  line: number;
  /** The line without comments and trailing blanks; never blank. */
  text: string;
  /** The line started with a blank or tab (date restrictions in actor files). */
  indented: boolean;
}

export interface DecodedText {
  text: string;
  /** Set when the bytes were not UTF-8 and were read as Latin-1 instead. */
  latin1: boolean;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const latin1 = new TextDecoder("latin1");

/** UTF-8 (BOM dropped) or, failing that, Latin-1: old TABARI files predate UTF-8. */
export function decodeDictionary(bytes: Uint8Array): DecodedText {
  try {
    return { text: utf8.decode(bytes).replace(/^\uFEFF/, ""), latin1: false };
  } catch {
    return { text: latin1.decode(bytes), latin1: true };
  }
}

/** Cuts a line at the first `#` or `;` that is not inside square brackets. */
export function stripLineComment(line: string): string {
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charCodeAt(i);
    if (ch === 91 /* [ */) depth++;
    else if (ch === 93 /* ] */) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === 35 /* # */ || ch === 59) /* ; */) return line.slice(0, i);
  }
  return line;
}

/** Lines that carry content, with comments removed. */
export function meaningfulLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  const lines = text.split("\n");
  let inXml = false;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (line.endsWith("\r")) line = line.slice(0, -1);
    if (inXml) {
      const close = line.indexOf("-->");
      if (close < 0) continue;
      line = line.slice(close + 3);
      inXml = false;
    }
    line = removeXmlComments(line, (open) => (inXml = open));
    line = stripLineComment(line).trimEnd();
    if (line.trim() === "") continue;
    const first = line.charCodeAt(0);
    out.push({ line: i + 1, text: line, indented: first === 32 || first === 9 });
  }
  return out;
}

/** Removes `<!-- ... -->` spans; reports through `setOpen` a comment left open at the line end. */
function removeXmlComments(line: string, setOpen: (open: boolean) => void): string {
  let rest = line;
  let kept = "";
  for (;;) {
    let open = rest.indexOf("<!--");
    // `<!` at the start of a line opens a comment even when sloppily written (`<! --`).
    if (open < 0 && kept.trim() === "" && rest.trimStart().startsWith("<!")) open = rest.indexOf("<!");
    if (open < 0) return kept + rest;
    kept += rest.slice(0, open);
    const close = rest.indexOf("-->", open + 2);
    if (close < 0) {
      setOpen(true);
      return kept;
    }
    rest = rest.slice(close + 3);
  }
}
