import { describe, expect, it } from 'vitest'
import { en, formatIssue, zhCN } from '@ruhui/core'
import { matchingMessages } from '@ruhui/core/matching'
import { collectIssueCodes } from '../../test/issue-corpus'

describe('messages', () => {
  it('zh-CN and en cover the same codes and fields, for the driver and for matching', () => {
    expect(Object.keys(en.issues).sort()).toEqual(Object.keys(zhCN.issues).sort())
    expect(Object.keys(en.fields).sort()).toEqual(Object.keys(zhCN.fields).sort())
    expect(Object.keys(matchingMessages.en.issues).sort()).toEqual(Object.keys(matchingMessages['zh-CN'].issues).sort())
  })

  it('the driver’s tables hold no directory or matching words (those are formatted where matching runs)', () => {
    const matchingOnly = Object.keys(matchingMessages['zh-CN'].issues).filter((c) => !(c in zhCN.issues))
    expect(matchingOnly).toContain('match_industry')
    expect(matchingOnly).toContain('duplicate_org_id')
    for (const c of matchingOnly) expect(en.issues).not.toHaveProperty(c)
  })

  it('every code the checkers produce has words in both locales, and every message is reachable', () => {
    const produced = collectIssueCodes()
    expect([...produced.keys()].sort()).toEqual(Object.keys(matchingMessages['zh-CN'].issues).sort())
    for (const [code, sample] of produced) {
      const zh = formatIssue(sample, matchingMessages['zh-CN'])
      const english = formatIssue(sample, matchingMessages.en)
      expect(zh, code).toMatch(/[\u4e00-\u9fff]/)
      expect(zh, code).not.toMatch(/undefined|\{|\}/)
      // The template is English; names that come from data (organisations, regions) stay as they are.
      let template = english
      for (const v of Object.values(sample.params ?? {})) if (typeof v === 'string' && v !== '') template = template.split(v).join('')
      expect(template, code).toMatch(/^[\x20-\x7e–·苏皖挂“”]+$/u)
      expect(english, code).not.toMatch(/undefined/)
    }
  })

  it('field labels come from the path; zh-CN is the default', () => {
    expect(formatIssue({ code: 'invalid_checksum', path: ['idNumber'] })).toBe('身份证件号码校验位不正确，请逐位核对')
    expect(formatIssue({ code: 'required', path: ['mobile'] }, 'en')).toBe('Mobile number is required')
    expect(formatIssue({ code: 'invalid_format', path: [] })).toBe('输入内容格式不正确，请核对后重新输入')
  })

  it('unknown codes fall back; hosts can override text', () => {
    expect(formatIssue({ code: 'no_such_code', path: ['plate'] })).toBe('车牌号码有误，请核对')
    const custom = { ...zhCN, issues: { ...zhCN.issues, required: () => '必填' } }
    expect(formatIssue({ code: 'required', path: ['name'] }, custom)).toBe('必填')
  })
})
