/**
 * Which headings could be a near miss for a section, found without comparing it with every
 * heading: a document of 50,000 headings would otherwise cost one edit distance per heading and
 * missing section. The index gives a superset of the headings whose score can pass the threshold,
 * so the hints are exactly those of comparing every pair:
 *
 * - the same loose words, or one synonym group: looked up by that form;
 * - a shared content word (the "dropped qualifier" score needs one): looked up by word;
 * - a spelling within a quarter of the longer key's length: by the q-gram lemma, keys within edit
 *   distance d share at least `m - 1 - 2d` two-character pieces (m the longer key's length), so a
 *   heading that shares fewer pieces with the section than that, for the largest d that could
 *   pass, is never a near miss and is never looked at.
 */

/** What the index needs of a name: its key, its loose form and words, its synonym group. */
export interface IndexedName {
  key: string;
  words: readonly string[];
  loose: string;
  group: number | undefined;
}

type Postings<K> = Map<K, number[]>;

export class NearMissIndex {
  private readonly byLoose: Postings<string> = new Map();
  private readonly byGroup: Postings<number> = new Map();
  private readonly byWord: Postings<string> = new Map();
  // For each two-character piece a wanted key holds: the headings that hold it, and how often.
  private readonly byPiece = new Map<number, { positions: number[]; counts: number[] }>();
  private readonly shared: Int32Array;

  /** Indexes the candidates by what the wanted names hold, and nothing else. */
  constructor(
    private readonly candidates: readonly IndexedName[],
    wanted: readonly IndexedName[],
  ) {
    const looses = new Set(wanted.map((name) => name.loose));
    const words = new Set(wanted.flatMap((name) => name.words));
    for (const name of wanted) for (const piece of pieceCounts(name.key).keys()) this.byPiece.set(piece, { positions: [], counts: [] });
    const scratch = new Map<number, number>();
    candidates.forEach((name, position) => {
      if (looses.has(name.loose)) post(this.byLoose, name.loose, position);
      if (name.group !== undefined) post(this.byGroup, name.group, position);
      name.words.forEach((word, at) => {
        if (words.has(word) && name.words.indexOf(word) === at) post(this.byWord, word, position);
      });
      for (const [piece, count] of pieceCounts(name.key, this.byPiece, scratch)) {
        const postings = this.byPiece.get(piece)!;
        postings.positions.push(position);
        postings.counts.push(count);
      }
    });
    this.shared = new Int32Array(candidates.length);
  }

  /** The positions of the candidates that may score above the threshold against `wanted`, in order. */
  likely(wanted: IndexedName): number[] {
    const found = new Set<number>(this.byLoose.get(wanted.loose) ?? []);
    if (wanted.group !== undefined) for (const position of this.byGroup.get(wanted.group) ?? []) found.add(position);
    for (const word of wanted.words) for (const position of this.byWord.get(word) ?? []) found.add(position);
    for (const position of this.closeSpellings(wanted.key)) found.add(position);
    return [...found].sort((a, b) => a - b);
  }

  /**
   * Candidates that share enough two-character pieces with `key` to be within the spelling
   * threshold. One that shares none is left out too: for keys of one character that is only an
   * identical key, and identical keys share their loose form.
   */
  private closeSpellings(key: string): number[] {
    const touched: number[] = [];
    for (const [piece, count] of pieceCounts(key)) {
      const { positions, counts } = this.byPiece.get(piece)!;
      positions.forEach((position, at) => {
        if (this.shared[position] === 0) touched.push(position);
        this.shared[position] = this.shared[position]! + Math.min(count, counts[at]!);
      });
    }
    const close = touched.filter((position) => this.shared[position]! >= piecesNeeded(key, this.candidates[position]!.key));
    for (const position of touched) this.shared[position] = 0;
    return close;
  }
}

/**
 * The fewest pieces two keys share when their spelling score, `1 - distance / m`, can pass 0.75:
 * the distance is then at most m / 4 (taken generously, so a rounding never drops a pair).
 */
function piecesNeeded(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer - 1 - 2 * Math.floor(longer / 4);
}

/**
 * Each two-character piece of a key (as a number) with how often it occurs; only those in `keep` when given.
 * @param counts a map to fill (emptied first), so indexing thousands of headings reuses one
 */
function pieceCounts(key: string, keep?: ReadonlyMap<number, unknown>, counts = new Map<number, number>()): Map<number, number> {
  counts.clear();
  for (let at = 0; at + 1 < key.length; at++) {
    const piece = key.charCodeAt(at) * 0x10000 + key.charCodeAt(at + 1);
    if (keep && !keep.has(piece)) continue;
    counts.set(piece, (counts.get(piece) ?? 0) + 1);
  }
  return counts;
}

function post<K>(postings: Postings<K>, key: K, position: number): void {
  const list = postings.get(key);
  if (list) list.push(position);
  else postings.set(key, [position]);
}
