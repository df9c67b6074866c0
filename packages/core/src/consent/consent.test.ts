import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { CONSENT_TEXT_KINDS } from '../enums'
import { consentTextHash, duesPolicyWords, fillConsentText, PUBLISHED_TEXTS } from './index'

describe('published consent texts', () => {
  it('one current text per kind, zh-CN with English alongside', () => {
    expect(Object.keys(PUBLISHED_TEXTS).sort()).toEqual([...CONSENT_TEXT_KINDS].sort())
    for (const kind of CONSENT_TEXT_KINDS) {
      const t = PUBLISHED_TEXTS[kind]
      expect(t.kind).toBe(kind)
      expect(t.title).toMatch(/[\u4e00-\u9fff]/)
      expect(t.body).toMatch(/[\u4e00-\u9fff]/)
      expect(t.en.body).toMatch(/^[\x20-\x7e\u2019]+$/)
    }
  })

  it('the provision to the union names the union, the operator, the purpose and the retention', () => {
    const b = PUBLISHED_TEXTS.share_with_union.body
    expect(b).toContain('{org_name}')
    expect(b).toContain('{operator}')
    expect(b).toMatch(/用于审核/)
    expect(b).toMatch(/30日内删除/)
  })

  it('the charter declaration carries the dues policy', () => {
    const filled = fillConsentText(PUBLISHED_TEXTS.charter.body, { org_name: '南京市货车司机联合工会', dues_policy: duesPolicyWords({ mode: 'fixed', amountFen: 500 }) })
    expect(filled).toBe('我自愿加入南京市货车司机联合工会，承认《中国工会章程》，履行会员义务，按规定交纳会费（每月5元）。')
  })

  it('a placeholder without a value stays as written; other braces are left alone', () => {
    expect(fillConsentText('{org_name}{operator}{other}', { operator: '省总工会' })).toBe('{org_name}省总工会{other}')
  })

  it('dues in words, both languages', () => {
    expect(duesPolicyWords(undefined)).toBe('按工会规定')
    expect(duesPolicyWords({ mode: 'none' })).toBe('本工会暂不收取会费')
    expect(duesPolicyWords({ mode: 'percent_of_declared_income', rateBp: 50 })).toBe('按申报月收入的0.5%')
    expect(duesPolicyWords({ mode: 'fixed', amountFen: 250 }, 'en')).toBe('CNY 2.50 a month')
  })

  it('the hash is SHA-256 of the UTF-8 body as published (placeholders unfilled)', () => {
    for (const t of Object.values(PUBLISHED_TEXTS)) expect(consentTextHash(t.body)).toBe(createHash('sha256').update(t.body, 'utf8').digest('hex'))
  })
})
