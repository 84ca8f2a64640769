import { ParagraphDeduper, sourceKey, type RemovedParagraph } from "../clean/paragraph-dedup.js";
import { detectLanguage } from "./language.js";
import { NearDuplicateIndex } from "./near-duplicates.js";
import type { InputDocument } from "./record.js";

/** What the screen decided for one document. */
export type ScreenResult =
  | { kind: "code"; text: string; removed: RemovedParagraph[]; language?: string }
  | { kind: "skipped"; reason: string; duplicateOf?: string };

export interface ScreenOptions {
  /** Code near-duplicates too (default: a copy of an earlier article is skipped). */
  keepDuplicates?: boolean;
}

/**
 * The corpus-level checks between reading and coding, in order: boilerplate learnt from the
 * corpus (paragraphs that recur across a source's articles), language (only English is coded)
 * and near-duplicates (a wire story republished elsewhere is coded once; the copy is skipped with
 * the id of the article it copies). Call `observe` on each document as it is read, ahead of
 * `screen`, so a site's first articles are cleaned with what its later ones show.
 */
export class DocumentScreen {
  private readonly paragraphs = new ParagraphDeduper();
  private readonly duplicates = new NearDuplicateIndex();
  private readonly keepDuplicates: boolean;

  constructor(options: ScreenOptions = {}) {
    this.keepDuplicates = options.keepDuplicates ?? false;
  }

  observe(document: InputDocument): void {
    const source = sourceKey(document.meta);
    if (source) this.paragraphs.observe(source, document.text.split("\n"));
  }

  screen(document: InputDocument): ScreenResult {
    const source = sourceKey(document.meta);
    let text = document.text;
    let removed: RemovedParagraph[] = [];
    if (source) {
      const filtered = this.paragraphs.filter(source, text.split("\n"));
      text = filtered.kept.join("\n");
      removed = filtered.removed;
    }
    const language = detectLanguage(text);
    // Short texts (a headline and a line) are guessed, not known: names alone can look Dutch.
    // Only a confident detection of another language skips an article.
    if (language.confident && language.code !== "eng") {
      return { kind: "skipped", reason: `not English (detected ${language.code} by ${language.basis})` };
    }
    // Copies the user wants coded anyway need no fingerprint.
    if (this.keepDuplicates) return { kind: "code", text, removed, language: language.code };
    const duplicate = this.duplicates.add(document.meta.id, text);
    if (duplicate.duplicateOf !== undefined) {
      const similarity = duplicate.similarity === undefined ? "" : `, similarity ${duplicate.similarity.toFixed(2)}`;
      return { kind: "skipped", reason: `near-duplicate of ${duplicate.duplicateOf}${similarity}: a further source of the same article`, duplicateOf: duplicate.duplicateOf };
    }
    return { kind: "code", text, removed, language: language.code };
  }
}
