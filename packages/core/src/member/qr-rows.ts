/**
 * The card's QR code as rows of dark runs, for shells that draw it with boxes (views in a
 * mini-program, divs on h5) rather than a canvas: a 65×65 code becomes about a thousand boxes
 * instead of four thousand. The matrix itself comes from a QR encoder in the shell (uqr).
 */

/** A run of dark modules in one row: from column `x`, `w` modules wide. */
export interface QrRun {
  x: number
  w: number
}

export interface QrRows {
  /** Modules per side, quiet zone not included. */
  size: number
  /** One entry per row, top to bottom: its dark runs, left to right. */
  rows: QrRun[][]
}

/** Dark runs of a square matrix (`true` = dark). A matrix that is not square is refused. */
export function qrRows(matrix: ReadonlyArray<ReadonlyArray<boolean>>): QrRows {
  const size = matrix.length
  const rows: QrRun[][] = []
  for (const row of matrix) {
    if (row.length !== size) throw new RangeError(`a QR matrix is square: row of ${row.length} in a matrix of ${size}`)
    const runs: QrRun[] = []
    let start = -1
    for (let x = 0; x <= size; x++) {
      const dark = x < size && row[x] === true
      if (dark && start < 0) start = x
      else if (!dark && start >= 0) {
        runs.push({ x: start, w: x - start })
        start = -1
      }
    }
    rows.push(runs)
  }
  return { size, rows }
}

/** Percentages for a box-drawn run inside a square of `size` modules plus `quiet` modules of margin on each side. */
export function runBox(run: QrRun, y: number, size: number, quiet = 4): { left: string; top: string; width: string; height: string } {
  const total = size + 2 * quiet
  const pct = (n: number) => `${((n * 100) / total).toFixed(4)}%`
  return { left: pct(run.x + quiet), top: pct(y + quiet), width: pct(run.w), height: pct(1) }
}
