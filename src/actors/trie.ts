/**
 * A token trie: phrases are sequences of lower-case tokens, and a lookup walks the document's
 * tokens once from a start position, so matching costs O(tokens × phrase length) whatever the
 * dictionary size (no loop over patterns).
 */
export interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  values: T[] | undefined;
}

export interface TrieMatch<T> {
  /** Exclusive end position (start + phrase length). */
  end: number;
  values: T[];
}

const NO_MATCHES: never[] = [];

/** A token as the trie reads it: surface form first, then lemma. */
export interface TrieKeyed {
  normal: string;
  lemma: string;
}

export class TokenTrie<T> {
  private readonly root: TrieNode<T> = { next: new Map(), values: undefined };
  private phraseCount = 0;

  insert(tokens: readonly string[], value: T): void {
    if (tokens.length === 0) return;
    let node = this.root;
    for (const token of tokens) {
      let child = node.next.get(token);
      if (!child) {
        child = { next: new Map(), values: undefined };
        node.next.set(token, child);
      }
      node = child;
    }
    if (!node.values) {
      node.values = [];
      this.phraseCount += 1;
    }
    node.values.push(value);
  }

  get size(): number {
    return this.phraseCount;
  }

  /**
   * Every phrase that starts at `start`, longest first. `keys(i)` gives the lookup keys of
   * position i in preference order (surface form, then lemma), or undefined past the end.
   */
  matchesAt(start: number, keys: (position: number) => readonly string[] | undefined): TrieMatch<T>[] {
    // Most tokens start no phrase: answer them without allocating anything.
    const first = keys(start);
    if (!first || !startsPhrase(this.root, first)) return NO_MATCHES;
    const found: TrieMatch<T>[] = [];
    this.walk(this.root, start, keys, found);
    return found.sort((a, b) => b.end - a.end);
  }

  /**
   * Every phrase that starts at token `start` and ends by `end`, longest first, keyed by each token's
   * `normal` form, then its `lemma` when that differs. The same as `matchesAt` for those two keys, without a key
   * function or key arrays: actor matching asks this of every token of every document.
   */
  matchTokens(tokens: readonly TrieKeyed[], start: number, end: number): TrieMatch<T>[] {
    if (start >= end) return NO_MATCHES;
    // Most tokens start no phrase: walkTokens allocates the result array only on a first match.
    const found = walkTokens(this.root, tokens, start, end, undefined);
    if (!found) return NO_MATCHES;
    return found.length > 1 ? found.sort((a, b) => b.end - a.end) : found;
  }

  private walk(node: TrieNode<T>, position: number, keys: (position: number) => readonly string[] | undefined, found: TrieMatch<T>[]): void {
    const options = keys(position);
    if (!options) return;
    // Keys may lead to the same child (surface form and lemma alike): follow each child once.
    for (let k = 0; k < options.length; k += 1) {
      const child = node.next.get(options[k] as string);
      if (!child || leadsToEarlier(node, options, k, child)) continue;
      if (child.values) found.push({ end: position + 1, values: child.values });
      this.walk(child, position + 1, keys, found);
    }
  }
}

function startsPhrase<T>(root: TrieNode<T>, keys: readonly string[]): boolean {
  for (const key of keys) if (root.next.has(key)) return true;
  return false;
}

/** Whether one of the keys before `k` already led from `node` to `child`. */
function leadsToEarlier<T>(node: TrieNode<T>, keys: readonly string[], k: number, child: TrieNode<T>): boolean {
  for (let j = 0; j < k; j += 1) if (node.next.get(keys[j] as string) === child) return true;
  return false;
}

function walkTokens<T>(node: TrieNode<T>, tokens: readonly TrieKeyed[], position: number, end: number, found: TrieMatch<T>[] | undefined): TrieMatch<T>[] | undefined {
  if (position >= end) return found;
  const token = tokens[position] as TrieKeyed;
  const byForm = node.next.get(token.normal);
  if (byForm) {
    if (byForm.values) (found ??= []).push({ end: position + 1, values: byForm.values });
    if (byForm.next.size > 0) found = walkTokens(byForm, tokens, position + 1, end, found);
  }
  if (token.lemma === token.normal) return found;
  const byLemma = node.next.get(token.lemma);
  if (!byLemma || byLemma === byForm) return found;
  if (byLemma.values) (found ??= []).push({ end: position + 1, values: byLemma.values });
  if (byLemma.next.size > 0) found = walkTokens(byLemma, tokens, position + 1, end, found);
  return found;
}
