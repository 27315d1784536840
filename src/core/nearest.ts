/**
 * "Có phải là …?": the unit names nearest to an unknown unit, through an index, giving exactly
 * what the plain search gives (nearestUnitNames of evaluate.ts; a property test compares them):
 * up to three names by (edit distance, worksheet order), each within its own limit
 * max(3, ⌈40 % of its key's length⌉).
 *
 * The index is a trie of the unit keys walked with the Levenshtein dynamic programme, one row per
 * trie level (the classic "trie + edit distance" search): keys sharing a prefix ("chuyen mon so …"
 * for thousands of units) share its rows, computed once per query instead of once per key. A
 * subtree is left as soon as a lower bound of the distance of every key below — the row's cost
 * to some point of the query plus the length difference still to align (Ukkonen's cut-off with the
 * subtree's shortest and longest key) — exceeds what could still be suggested: the largest limit
 * of the keys below, and, once three names are held, the third one's distance (a key at that same
 * distance can still enter on worksheet order, so equality is explored — in a subtree holding an
 * earlier row only). The child continuing the
 * query's own letter is walked first, so near names are found early and the bound tightens; only
 * cells within the band |i − j| ≤ bound are computed (a cell outside it cannot be within). The
 * answer for a query key is kept: the same misspelt unit on many rows is searched once.
 */

/** Above any distance the search keeps. */
const BIG = 1 << 20;

export interface NamedKey {
  name: string;
  key: string;
}

/** A name's own limit: how far a query may be from it and still be suggested. */
export function suggestionLimit(key: string): number {
  return Math.max(3, Math.ceil(key.length * 0.4));
}

interface TrieNode {
  /** Children by character, in insertion order (parallel arrays: most nodes have one child). */
  chars: number[];
  kids: TrieNode[];
  /** Worksheet positions of the units whose key ends here (ascending). */
  units: number[] | null;
  limit: number;
  /** Largest limit of the keys in this subtree. */
  maxLimit: number;
  /** Smallest worksheet position in this subtree. */
  minAt: number;
  /** Shortest and longest key in this subtree. */
  minLen: number;
  maxLen: number;
}

function node(): TrieNode {
  return { chars: [], kids: [], units: null, limit: 0, maxLimit: 0, minAt: Infinity, minLen: Infinity, maxLen: 0 };
}

function childOf(n: TrieNode, c: number): TrieNode | undefined {
  const i = n.chars.indexOf(c);
  return i < 0 ? undefined : n.kids[i];
}

/** How far `left` query characters are from the lengths a key below may still have (a function, not a closure per step). */
function gap(left: number, restLo: number, restHi: number): number {
  return left < restLo ? restLo - left : left > restHi ? left - restHi : 0;
}

/** A key of that limit, worksheet position and length is in this subtree (a function, not a closure per unit). */
function widen(x: TrieNode, limit: number, at: number, len: number): void {
  if (limit > x.maxLimit) x.maxLimit = limit;
  if (at < x.minAt) x.minAt = at;
  if (len < x.minLen) x.minLen = len;
  if (len > x.maxLen) x.maxLen = len;
}

export class NearestUnits {
  private readonly root = node();
  private readonly memo = new Map<string, string[]>();
  private readonly names: string[];
  private depth = 0;

  constructor(units: readonly NamedKey[]) {
    this.names = units.map((u) => u.name);
    for (let i = 0; i < units.length; i++) {
      const key = units[i].key;
      const limit = suggestionLimit(key);
      const len = key.length;
      let n = this.root;
      widen(n, limit, i, len);
      for (let j = 0; j < len; j++) {
        const c = key.charCodeAt(j);
        let next = childOf(n, c);
        if (!next) {
          next = node();
          n.chars.push(c);
          n.kids.push(next);
        }
        n = next;
        widen(n, limit, i, len);
      }
      (n.units ??= []).push(i);
      n.limit = limit;
      if (len > this.depth) this.depth = len;
    }
  }

  /** Up to three names nearest to the (already keyed) query, nearest first, ties in worksheet order. */
  nearestToKey(key: string): string[] {
    const known = this.memo.get(key);
    if (known) return known;
    const found = this.search(key).map((i) => this.names[i]);
    this.memo.set(key, found);
    return found;
  }

  private search(key: string): number[] {
    const m = key.length;
    const q = new Int32Array(m);
    for (let j = 0; j < m; j++) q[j] = key.charCodeAt(j);
    // One DP row per trie level.
    const rows: Int32Array[] = [];
    for (let d = 0; d <= this.depth; d++) rows.push(new Int32Array(m + 1));
    for (let j = 0; j <= m; j++) rows[0][j] = j;
    const best: { d: number; at: number }[] = [];
    const offer = (d: number, at: number) => {
      if (best.length === 3) {
        const third = best[2];
        if (d > third.d || (d === third.d && at > third.at)) return;
      }
      let i = best.length;
      while (i > 0 && (best[i - 1].d > d || (best[i - 1].d === d && best[i - 1].at > at))) i--;
      best.splice(i, 0, { d, at });
      if (best.length > 3) best.pop();
    };
    const capOf = (limit: number) => (best.length === 3 ? Math.min(limit, best[2].d) : limit);

    const visit = (n: TrieNode, depth: number): void => {
      const row = rows[depth];
      // (row[m] was computed only when within the band: |m − depth| ≤ the cap.)
      if (n.units && Math.abs(m - depth) <= capOf(n.limit) && row[m] <= capOf(n.limit)) for (const at of n.units) offer(row[m], at);
      const count = n.kids.length;
      if (!count) return;
      const own = depth < m ? q[depth] : -1;
      const first = own >= 0 ? childOf(n, own) : undefined;
      if (first) step(first, own, depth);
      for (let k = 0; k < count; k++) if (n.kids[k] !== first) step(n.kids[k], n.chars[k], depth);
    };

    const step = (child: TrieNode, c: number, depth: number): void => {
      const prev = rows[depth];
      const row = rows[depth + 1];
      const i = depth + 1;
      // Only cells within the band |i − j| ≤ cap can be ≤ cap; the rest hold a value above it.
      const cap = capOf(child.maxLimit);
      const lo = Math.max(1, i - cap);
      const hi = Math.min(m, i + cap);
      row[0] = i;
      if (lo > 1) row[lo - 1] = BIG;
      // A lower bound of every key below: the cost so far, plus the length left to align
      // (the key's rest, child.minLen − i … child.maxLen − i, against the query's rest, m − j).
      const restLo = child.minLen - i;
      const restHi = child.maxLen - i;
      let min = i <= cap ? i + gap(m, restLo, restHi) : BIG;
      for (let j = lo; j <= hi; j++) {
        let v = prev[j - 1] + (q[j - 1] === c ? 0 : 1);
        if (prev[j] + 1 < v) v = prev[j] + 1;
        if (row[j - 1] + 1 < v) v = row[j - 1] + 1;
        row[j] = v;
        const b = v + gap(m - j, restLo, restHi);
        if (b < min) min = b;
      }
      if (hi < m) row[hi + 1] = BIG;
      if (min > capOf(child.maxLimit)) return;
      // At the third's distance only an earlier row can still enter.
      if (best.length === 3 && min === best[2].d && child.minAt > best[2].at) return;
      visit(child, depth + 1);
    };

    visit(this.root, 0);
    return best.map((b) => b.at);
  }
}
