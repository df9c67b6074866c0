// A numeric setting that is not a usable number stops the start (security review M4): before, Number('abc')
// gave NaN and silently switched a limit off (the ID-number cap, the consent grace period, the card-check
// rate limit, …). The registry process exits 2 naming the variable, as for a bad consent-texts file;
// nothing is opened (the check comes before the database, so one dialect shows it).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { afterAll, describe, expect, it } from 'vitest'
import { configFrom } from '../src/config'

const dataDir = mkdtempSync(join(tmpdir(), 'ruhui-config-values-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

const start = (env: Record<string, string>, args: string[] = []) => {
  const base = { ...process.env }
  delete base.DATABASE_URL
  return spawnSync(process.execPath, [join(import.meta.dirname, '../bin/ruhui-registry.mjs'), 'start', '--port', '0', '--data-dir', dataDir, ...args], { env: { ...base, ...env }, encoding: 'utf8', timeout: 20_000 })
}

describe('numeric settings', () => {
  for (const [name, value] of [
    ['RUHUI_MAX_ID_NUMBERS_PER_SESSION', 'abc'],
    ['RUHUI_CONSENT_GRACE_DAYS', 'thirty'],
    ['RUHUI_RATE_LIMIT_CARD_VERIFY', '5/s'],
    ['RUHUI_RATE_LIMIT_TOKEN', '0'],
    ['RUHUI_PURGE_AFTER_DAYS', '-1'],
    ['RUHUI_WRITE_CONCURRENCY', '1.5'],
    ['RUHUI_SMS_MAX_ATTEMPTS', 'many'],
  ] as const) {
    it(`${name}=${value} stops the start with exit 2, naming the variable`, () => {
      const run = start({ [name]: value, ...(name.startsWith('RUHUI_SMS_') ? { RUHUI_SMS_URL: 'https://sms.example.org/send' } : {}) })
      expect(run.status).toBe(2)
      expect(run.stderr).toContain(name)
      expect(run.stderr).toContain(JSON.stringify(value))
    })
  }

  it('a bad --port stops the start with exit 2', () => {
    const run = start({}, ['--port', 'eighty'])
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('--port')
  })

  it('nothing was opened; unset or blank settings take their defaults and good ones are read', () => {
    expect(readdirSync(dataDir)).toEqual([])
    const defaults = configFrom({ RUHUI_CONSENT_GRACE_DAYS: ' ' })
    expect([defaults.maxIdNumbersPerSession, defaults.consentGraceMs, defaults.rateLimitPerSecond.cardVerify, defaults.writeConcurrency]).toEqual([3, 30 * 86_400_000, 5, 4])
    const set = configFrom({ RUHUI_MAX_ID_NUMBERS_PER_SESSION: '5', RUHUI_CONSENT_GRACE_DAYS: '0', RUHUI_RATE_LIMIT_CARD_VERIFY: '2.5' })
    expect([set.maxIdNumbersPerSession, set.consentGraceMs, set.rateLimitPerSecond.cardVerify]).toEqual([5, 0, 2.5])
  })
})
