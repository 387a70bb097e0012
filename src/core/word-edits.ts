/** Word-level edit distance with a limit, shared by guidance resemblance and reworded questions. */

// Two rows of the edit-distance table, reused from call to call (grown as needed).
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/**
 * Word-level edit distance, given up (returning more than `limit`) once it cannot be within it.
 * Only the band of cells within `limit` of the diagonal is worked out: a path through a cell
 * outside it costs more than `limit`, so those cells count as more than `limit` too.
 */
export function wordEdits(a: readonly string[], b: readonly string[], limit: number): number {
  const over = limit + 1;
  if (Math.abs(a.length - b.length) > limit) return over;
  if (previousRow.length <= b.length) {
    previousRow = new Int32Array(b.length + 1);
    currentRow = new Int32Array(b.length + 1);
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= b.length; j++) previous[j] = Math.min(j, over);
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    current[0] = Math.min(i, over);
    // The cell left of the band, and the one right of it in the row above, are out of reach.
    if (from > 1) current[from - 1] = over;
    let best = current[0]!;
    for (let j = from; j <= to; j++) {
      const substitute = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      const cell = Math.min(substitute, previous[j]! + 1, current[j - 1]! + 1, over);
      current[j] = cell;
      if (cell < best) best = cell;
    }
    if (to < b.length) current[to + 1] = over;
    if (best > limit) return best;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}
