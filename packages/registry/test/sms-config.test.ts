// The SMS settings and words: off unless RUHUI_SMS_URL is set, refused when it is not an http(s)
// URL; every template names the union and nothing else about the person.
import { describe, expect, it } from 'vitest'
import { configFrom } from '../src/config'
import { SMS_TEMPLATES, renderSms } from '../src/notify/sms-templates'

describe('SMS settings', () => {
  it('sends nothing unless RUHUI_SMS_URL is set; the token is the bearer secret', () => {
    expect(configFrom({}).sms).toBeUndefined()
    expect(configFrom({ RUHUI_SMS_URL: 'https://sms.example.org/send', RUHUI_SMS_TOKEN: 'secret' }).sms).toMatchObject({ url: 'https://sms.example.org/send', token: 'secret', maxAttempts: 8 })
    expect(configFrom({ RUHUI_SMS_URL: 'https://sms.example.org/send' }).sms?.token).toBeUndefined()
  })

  it('refuses to start with an address that is not http(s)', () => {
    expect(() => configFrom({ RUHUI_SMS_URL: 'ftp://sms.example.org' })).toThrow(/RUHUI_SMS_URL/)
    expect(() => configFrom({ RUHUI_SMS_URL: 'not a url' })).toThrow(/RUHUI_SMS_URL/)
  })

  it('has words in Chinese and English for every decision, with only the union filled in', () => {
    for (const template of Object.keys(SMS_TEMPLATES) as Array<keyof typeof SMS_TEMPLATES>) {
      const zh = renderSms(template, { union: '某某工会' })
      expect(zh, template).toContain('某某工会')
      expect(zh, template).not.toMatch(/\$\{/)
      expect(renderSms(template, { union: 'X Union' }, 'en'), template).toContain('X Union')
      expect(renderSms(template, { union: 'X Union' }, 'en'), template).not.toMatch(/[\u4e00-\u9fff]/)
    }
    expect(Object.keys(SMS_TEMPLATES).sort()).toEqual(['application_approved', 'application_needs_info', 'application_rejected', 'expelled', 'leave_confirmed', 'leave_declined', 'membership_restored', 'membership_retained', 'transfer_completed', 'transfer_rejected'])
  })
})
