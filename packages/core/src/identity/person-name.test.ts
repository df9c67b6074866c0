import { describe, expect, it } from 'vitest'
import { assertPersonName, checkPersonName, isPersonName } from '@ruhui/core'

describe('checkPersonName — DOMAIN.md §4 vectors', () => {
  it.each([
    ['张三', '张三', 2],
    ['买买提•吐尔逊', '买买提·吐尔逊', 7],
    ['阿依古丽・买买提', '阿依古丽·买买提', 8],
    ['𠮷野家', '𠮷野家', 3],
    ['李 四', '李四', 2],
    [' 王小明 ', '王小明', 3],
  ])('%s → %s (%i characters)', (input, name, length) => {
    const r = checkPersonName(input)
    expect(r.ok && r.value).toEqual({ name, length, script: 'han' })
  })
  it('length counts characters, not UTF-16 units: 50 rare characters pass, 51 do not', () => {
    expect(checkPersonName('𠮷'.repeat(50)).ok).toBe(true)
    const r = checkPersonName('𠮷'.repeat(51))
    expect(!r.ok && r.issues[0]?.code).toBe('name_too_long')
  })
  it.each([
    ['王·', 'invalid_name_dot'],
    ['王··明', 'invalid_name_dot'],
    ['·王明', 'invalid_name_dot'],
    ['Zhang San', 'invalid_name_character'],
    ['张3', 'invalid_name_character'],
    ['王', 'name_too_short'],
    ['', 'required'],
  ])('%s → %s', (input, code) => {
    const r = checkPersonName(input)
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual([code])
  })
  it('foreign permanent residents use the Latin name on their card', () => {
    const r = checkPersonName('Smith, John', { documentKind: 'foreign_permanent' })
    expect(r.ok && r.value).toEqual({ name: 'SMITH, JOHN', length: 11, script: 'latin' })
    expect(isPersonName('张三', { documentKind: 'foreign_permanent' })).toBe(false)
  })
  it('assert throws', () => {
    expect(() => assertPersonName('王·')).toThrow()
  })
})
