// The review console has one i18n mechanism: every word in `console/src/words.ts` (zh-CN, as
// written), English in `words-en.ts` (typed by it), enum values through @ruhui/core's enumLabel.
// So: no Chinese text and no choosing on the locale anywhere else, no English word with Chinese in
// it, and no word that nothing uses.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { zhWords } from '../console/src/words'
import { enWords } from '../console/src/words-en'

const src = join(import.meta.dirname, '../console/src')
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : /\.tsx?$/.test(f) ? [join(dir, f)] : []))
const HAN = /[\u4e00-\u9fff]/
// Comments may speak Chinese (the domain's own terms); code may not.
const code = (file: string) => readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
const sources = files(src).map((file) => ({ name: relative(src, file), code: code(file) }))
const WORD_FILES = ['words.ts', 'words-en.ts']

describe('console words', () => {
  it('has Chinese text only in words.ts (and the language switch naming 中文 in itself)', () => {
    expect(sources.length).toBeGreaterThan(15)
    for (const { name, code } of sources.filter((s) => !WORD_FILES.includes(s.name))) {
      const lines = code.split('\n').filter((line) => HAN.test(line) && !/\{ label: '中文', value: 'zh-CN' \}/.test(line))
      expect(lines, name).toEqual([])
    }
  })

  it('chooses words by locale only through the tables (no ternaries on the locale)', () => {
    for (const { name, code } of sources.filter((s) => s.name !== 'i18n.ts')) expect(code, name).not.toMatch(/locale\s*[!=]==|[!=]==\s*'en'|'en'\s*[!=]==/)
  })

  it('has English for every word, with no Chinese in it', () => {
    const walk = (zh: object, en: object, path: string) => {
      expect(Object.keys(en).sort(), path).toEqual(Object.keys(zh).sort())
      for (const [key, value] of Object.entries(en)) {
        const zhValue = (zh as Record<string, unknown>)[key]
        if (typeof value === 'object') walk(zhValue as object, value as object, `${path}.${key}`)
        else {
          expect(typeof value, `${path}.${key}`).toBe(typeof zhValue)
          // Templates are checked as source text (escaped or not).
          expect(String(value), `${path}.${key}`).not.toMatch(/[\u4e00-\u9fff]|\\u(4[e-f]|[5-9][0-9a-f])[0-9a-f]{2}/i)
          expect(String(value).trim(), `${path}.${key}`).not.toBe('')
        }
      }
    }
    walk(zhWords, enWords, 't')
    expect(enWords.orgCount(3)).toBe('3 organisations')
    expect(enWords.dateTime('2026-11-30T08:05:00Z')).not.toMatch(HAN)
  })

  it('has no word that nothing uses', () => {
    const used = sources.filter((s) => !WORD_FILES.includes(s.name)).map((s) => s.code).join('\n')
    const unused = Object.keys(zhWords).filter((key) => !new RegExp(`\\.${key}\\b`).test(used))
    expect(unused).toEqual([])
  })
})
