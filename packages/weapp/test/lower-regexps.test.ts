// The build's regex lowering (scripts/lower-regexps.mjs): ES2018 regular expressions become
// ES2015 ones that match exactly the same strings.
import { parse } from 'acorn'
import { describe, expect, it } from 'vitest'
// @ts-expect-error a plain .mjs build script without types
import { lowerRegExps } from '../scripts/lower-regexps.mjs'

const lower = lowerRegExps as (code: string) => string
const es2017 = (code: string) => parse(code, { ecmaVersion: 2017, sourceType: 'script' })
const unassigned = /\p{Cn}/u
const evaluate = (code: string) => new Function(`return ${code}`)() as RegExp

describe('lowerRegExps', () => {
  it("core's name checks (\\p{Script=Han}, as a literal and through new RegExp) mean the same over every code point", () => {
    const sources = ['/^[\\p{Script=Han}\\u00B7]+$/u', 'new RegExp("^\\\\p{Script=Han}+(?:\\\\u00B7\\\\p{Script=Han}+)*$", "u")']
    for (const source of sources) {
      const out = lower(source)
      expect(() => es2017(out)).not.toThrow()
      expect(out).not.toMatch(/\\p\{/)
      const [before, after] = [evaluate(source), evaluate(out)]
      for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x30000 ? 1 : 97) {
        const s = String.fromCodePoint(cp)
        // regexpu-core's Unicode may be newer than this Node's: characters Node does not know yet are skipped.
        if ((cp >= 0xd800 && cp <= 0xdfff) || unassigned.test(s)) continue
        if (before.test(s) !== after.test(s)) throw new Error(`U+${cp.toString(16)} differs`)
      }
      expect(after.test('张三')).toBe(true)
      expect(after.test('Zhang')).toBe(false)
    }
  })

  it('the s flag becomes a class that matches line breaks too; other code is left alone', () => {
    const out = lower('var a = /a.b/s, b = x ? y : z, c = "\\\\p{L}"')
    expect(() => es2017(out)).not.toThrow()
    expect(evaluate(out.slice(8, out.indexOf(','))).test('a\nb')).toBe(true)
    expect(out.slice(out.indexOf(','))).toBe(', b = x ? y : z, c = "\\\\p{L}"')
  })
})
