import { describe, expect, it } from 'vitest'
import { qrRows, runBox } from './qr-rows'

const m = (rows: string[]) => rows.map((r) => [...r].map((c) => c === '#'))

describe('qrRows', () => {
  it('turns each row into its dark runs, and the runs give back the matrix', () => {
    const matrix = m(['##.#', '....', '####', '.#.#'])
    const out = qrRows(matrix)
    expect(out.size).toBe(4)
    expect(out.rows).toEqual([[{ x: 0, w: 2 }, { x: 3, w: 1 }], [], [{ x: 0, w: 4 }], [{ x: 1, w: 1 }, { x: 3, w: 1 }]])
    const back = out.rows.map((runs) => {
      const row = Array<boolean>(out.size).fill(false)
      for (const r of runs) for (let i = r.x; i < r.x + r.w; i++) row[i] = true
      return row
    })
    expect(back).toEqual(matrix)
  })

  it('refuses a matrix that is not square', () => {
    expect(() => qrRows(m(['##', '#']))).toThrow(RangeError)
  })

  it('places a run in percent of the whole code with its quiet zone', () => {
    // 21 modules + 4 on each side = 29
    expect(runBox({ x: 0, w: 7 }, 0, 21)).toEqual({ left: `${((4 * 100) / 29).toFixed(4)}%`, top: `${((4 * 100) / 29).toFixed(4)}%`, width: `${((7 * 100) / 29).toFixed(4)}%`, height: `${(100 / 29).toFixed(4)}%` })
  })
})
