// Every .js file of every mini-program output parses as ES2017 (no `?.`, `??`, object spread,
// `\p{…}` or `s`-flag regular expressions left), whatever the host's project.config.json says
// about WeChat's own conversion ("es6": false in the example driver app). The outputs come from
// `npm run build`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parse } from 'acorn'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..')
export const MINI_PROGRAM_OUTPUTS = [
  'examples/driver-app/dist/weapp',
  'examples/driver-app/dist/alipay',
  'examples/driver-app/dist/tt',
  'packages/weapp/miniprogram_dist',
  'examples/native-weapp-host/miniprogram',
  'packages/weapp-plugin/dist/plugin',
]

const jsFiles = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? jsFiles(join(dir, f)) : f.endsWith('.js') ? [join(dir, f)] : []))

/** null when `code` parses as an ES2017 script; else where and what, with the code around it. */
function es2017Problem(code: string): string | null {
  try {
    parse(code, { ecmaVersion: 2017, sourceType: 'script' })
    return null
  } catch (e) {
    const pos = (e as { pos?: number }).pos ?? 0
    return `${(e as Error).message} near ${JSON.stringify(code.slice(Math.max(0, pos - 40), pos + 20))}`
  }
}

describe('mini-program outputs are ES2017', () => {
  it('the check itself catches what old phones cannot load', () => {
    expect(es2017Problem('var a = b?.c')).toMatch(/Unexpected token/)
    expect(es2017Problem('var a = b ?? c')).toMatch(/Unexpected token/)
    expect(es2017Problem('var a = { ...b }')).toMatch(/Unexpected token/)
    expect(es2017Problem('var a = /\\p{Script=Han}/u')).toMatch(/Invalid/)
    expect(es2017Problem('var a = /./s')).toMatch(/Invalid regular expression flag/)
    expect(es2017Problem('async function f() { const { a } = await g(); return `${a}` }')).toBeNull()
  })

  for (const out of MINI_PROGRAM_OUTPUTS) {
    it(`${out}: every .js file parses as ES2017`, () => {
      const dir = join(root, out)
      if (!existsSync(dir)) throw new Error(`${out} is missing: run \`npm run build\` first`)
      const files = jsFiles(dir)
      expect(files.length).toBeGreaterThan(0)
      const problems = files.map((f) => [relative(root, f), es2017Problem(readFileSync(f, 'utf8'))]).filter(([, p]) => p)
      expect(problems).toEqual([])
    })
  }
})
