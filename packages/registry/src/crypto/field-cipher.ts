/** Field-level encryption at rest: AES-256-GCM, 'v1.<kid>.<iv>.<ciphertext>.<tag>' (base64url). */
import { createCipheriv, createDecipheriv } from 'node:crypto'
import { random } from './hashing'
import type { KeyRing } from './keys'

export function encryptField(keys: KeyRing, plaintext: string, aad = ''): string {
  const key = keys.dataKeys.get(keys.currentKid) as Buffer
  const iv = Buffer.from(random(12)) // unique per field; from the pooled CSPRNG
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(aad))
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return ['v1', keys.currentKid, iv.toString('base64url'), ct.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.')
}

export function decryptField(keys: KeyRing, sealed: string, aad = ''): string {
  const [v, kid, iv, ct, tag] = sealed.split('.')
  const key = kid ? keys.dataKeys.get(kid) : undefined
  if (v !== 'v1' || !key || !iv || ct === undefined || !tag) throw new Error(`cannot decrypt a field sealed with key "${kid}"`)
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
  decipher.setAAD(Buffer.from(aad))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8')
}
