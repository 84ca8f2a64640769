/**
 * The small part of the DOM that extraction uses, typed structurally. linkedom's own typings refer
 * to the browser DOM library, which this Node project does not load, so its documents arrive
 * untyped; these interfaces name exactly what is relied on, and linkedom's nodes satisfy them.
 */
import { linkedomModule } from "./lazy-modules.js";

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentNode: DomNode | null;
  readonly isConnected: boolean;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly localName: string;
  readonly children: ArrayLike<DomElement>;
  readonly parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  remove(): void;
}

export interface DomDocument {
  readonly documentElement: DomElement;
  readonly body: DomElement | null;
  readonly head: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
}

/**
 * Parse a whole HTML page. linkedom is forgiving about malformed markup, but unlike a browser it
 * does not invent the `<html>` and `<body>` elements that HTML lets pages omit: content of a page
 * without `<body>` would end up outside the body (where Readability never looks), and a fragment
 * or plain text would give no document element at all. So those are added first.
 */
export function parseHtmlDocument(html: string): DomDocument {
  const window: { document: DomDocument } = linkedomModule().parseHTML(withDocumentStructure(html));
  return window.document;
}

/** The page with `<html>` and `<body>` start tags added where the markup leaves them implicit. */
export function withDocumentStructure(html: string): string {
  let source = html;
  if (!/<body[\s>]/i.test(source)) {
    const headEnd = /<\/head\s*>/i.exec(source);
    const htmlStart = /<html[^>]*>/i.exec(source);
    const at = headEnd ? headEnd.index + headEnd[0].length : htmlStart ? htmlStart.index + htmlStart[0].length : 0;
    source = `${source.slice(0, at)}<body>${source.slice(at)}`;
  }
  if (!/<html[\s>]/i.test(source)) {
    // Keep a doctype or XML declaration in front; everything else goes inside <html>.
    const prolog = /^(\s*(<\?xml[^>]*>|<!doctype[^>]*>|<!--[\s\S]*?-->))*/i.exec(source)?.[0] ?? "";
    source = `${prolog}<html>${source.slice(prolog.length)}</html>`;
  }
  return source;
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/** Collapse runs of whitespace (including non-breaking and zero-width spaces) to single spaces, drop control characters, and trim. */
export function normalizeSpace(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g, "")
    .replace(/[\s\u00a0\u200b\ufeff]+/g, " ")
    .trim();
}

/** Text of an element with whitespace collapsed. */
export function textOf(node: DomNode | null | undefined): string {
  return node ? normalizeSpace(node.textContent ?? "") : "";
}

/** How deeply elements nest under `root` (iteratively: the point is to measure pathological pages safely). */
export function nestingDepth(root: DomElement): number {
  let deepest = 0;
  const stack: [DomElement, number][] = [[root, 1]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [element, depth] = entry;
    if (depth > deepest) deepest = depth;
    for (const child of Array.from(element.children)) stack.push([child, depth + 1]);
  }
  return deepest;
}
