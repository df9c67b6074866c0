// Both offline paths against cards signed the way the registry signs them (node:crypto Ed25519,
// 'RUHUI1.<claims>.<signature>'), and the same verdicts for tampered, foreign and malformed cards.
import { generateKeyPairSync, sign } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { jsEd25519, verifyMemberCardJs } from './js'
import { type Ed25519Verify, verifyMemberCard, webCryptoEd25519 } from './verify-member-card'

const keys = generateKeyPairSync('ed25519')
const other = generateKeyPairSync('ed25519')
const pem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString()
const otherPem = other.publicKey.export({ type: 'spki', format: 'pem' }).toString()
const claims = { no: 'RH0000111122223333', org: 'org_nf_340104', name: '**员', since: '2026-11-30', iat: '2026-12-01T02:00:00.000Z' }
const cardOf = (c: object, key = keys.privateKey) => {
  const body = Buffer.from(JSON.stringify(c)).toString('base64url')
  return `RUHUI1.${body}.${sign(null, Buffer.from(body), key).toString('base64url')}`
}
const card = cardOf(claims)

const paths: Array<[string, (payload: string, pem: string) => ReturnType<typeof verifyMemberCard>]> = [
  ['WebCrypto', (p, k) => verifyMemberCard(p, k)],
  ['pure JavaScript', (p, k) => verifyMemberCardJs(p, k)],
]

for (const [name, check] of paths) {
  describe(`verifyMemberCard — ${name}`, () => {
    it('accepts a card the registry signed and reads its claims', async () => {
      expect(await check(card, pem)).toEqual({ ok: true, claims: { number: claims.no, orgId: claims.org, maskedName: '**员', memberSince: '2026-11-30', issuedAt: claims.iat } })
      expect(await check(`  ${card}\n`, pem)).toMatchObject({ ok: true }) // as pasted
    })
    it('refuses a card signed by another key, a changed claim, a changed signature', async () => {
      expect(await check(card, otherPem)).toEqual({ ok: false, reason: 'bad_signature' })
      expect(await check(cardOf(claims, other.privateKey), pem)).toEqual({ ok: false, reason: 'bad_signature' })
      const [tag, , sig] = card.split('.')
      const forged = Buffer.from(JSON.stringify({ ...claims, org: 'org_nf_320115' })).toString('base64url')
      expect(await check(`${tag}.${forged}.${sig}`, pem)).toEqual({ ok: false, reason: 'bad_signature' })
      const flipped = Buffer.from(sig as string, 'base64url')
      flipped[10] = (flipped[10] as number) ^ 1
      expect(await check(`${card.slice(0, card.lastIndexOf('.'))}.${flipped.toString('base64url')}`, pem)).toEqual({ ok: false, reason: 'bad_signature' })
    })
    it('says what is malformed, and a key that is not an Ed25519 public key', async () => {
      for (const bad of ['', 'hello', 'RUHUI2.a.b', 'RUHUI1.!!!.AAAA', `RUHUI1.${Buffer.from('not json').toString('base64url')}.${'A'.repeat(86)}`, `RUHUI1.${card.split('.')[1]}.AAAA`]) {
        expect(await check(bad, pem), bad).toEqual({ ok: false, reason: 'malformed' })
      }
      const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString()
      expect(await check(card, rsa)).toEqual({ ok: false, reason: 'bad_key' })
      expect(await check(card, 'not a pem')).toEqual({ ok: false, reason: 'bad_key' })
    })
  })
}

it('without Ed25519 in WebCrypto the WebCrypto path says unsupported; the pure-JavaScript one still works', async () => {
  const real = Object.getOwnPropertyDescriptor(globalThis, 'crypto')
  const noEd25519 = { subtle: { importKey: () => Promise.reject(Object.assign(new Error('Unrecognized name'), { name: 'NotSupportedError' })), verify: () => Promise.reject(new Error('unreachable')) } }
  try {
    Object.defineProperty(globalThis, 'crypto', { value: noEd25519, configurable: true })
    expect(await verifyMemberCard(card, pem)).toEqual({ ok: false, reason: 'unsupported' })
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true })
    expect(await verifyMemberCard(card, pem)).toEqual({ ok: false, reason: 'unsupported' })
    expect(await verifyMemberCardJs(card, pem)).toMatchObject({ ok: true }) // no crypto at all: its own SHA-512
  } finally {
    if (real) Object.defineProperty(globalThis, 'crypto', real)
  }
})

it('the two Ed25519s agree on 200 random messages and corrupted signatures', async () => {
  const spki = keys.publicKey.export({ type: 'spki', format: 'der' })
  const verifiers: Ed25519Verify[] = [webCryptoEd25519, jsEd25519]
  for (let i = 0; i < 200; i++) {
    const msg = Buffer.from(`message ${i} ${'x'.repeat(i)}`)
    const sig = sign(null, msg, keys.privateKey)
    if (i % 2) sig[i % 64] = (sig[i % 64] as number) ^ (1 << (i % 8))
    const verdicts = await Promise.all(verifiers.map((v) => v(spki, sig, msg)))
    expect(verdicts[0]).toBe(i % 2 === 0)
    expect(verdicts[1]).toBe(verdicts[0])
  }
})
