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
    if (!first || !first.some((key) => this.root.next.has(key))) return NO_MATCHES;
    const found: TrieMatch<T>[] = [];
    const walk = (node: TrieNode<T>, position: number): void => {
      const options = keys(position);
      if (!options) return;
      const seen = new Set<TrieNode<T>>();
      for (const key of options) {
        const child = node.next.get(key);
        if (!child || seen.has(child)) continue;
        seen.add(child);
        if (child.values) found.push({ end: position + 1, values: child.values });
        walk(child, position + 1);
      }
    };
    walk(this.root, start);
    return found.sort((a, b) => b.end - a.end);
  }
}
