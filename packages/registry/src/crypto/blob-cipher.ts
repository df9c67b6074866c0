/**
 * Encryption at rest for binary data (uploaded photos, issue #16): the field cipher's scheme and
 * keys (AES-256-GCM, 'v1.<kid>.<iv>.<ciphertext>.<tag>', base64url), over bytes rather than text.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto'
import { random } from './hashing'
import type { KeyRing } from './keys'

export function encryptBytes(keys: KeyRing, plain: Uint8Array, aad: string): string {
  const key = keys.dataKeys.get(keys.currentKid) as Buffer
  const iv = Buffer.from(random(12))
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(aad))
  const ct = Buffer.concat([cipher.update(plain), cipher.final()])
  return ['v1', keys.currentKid, iv.toString('base64url'), ct.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.')
}

export function decryptBytes(keys: KeyRing, sealed: string, aad: string): Buffer {
  const [v, kid, iv, ct, tag] = sealed.split('.')
  const key = kid ? keys.dataKeys.get(kid) : undefined
  if (v !== 'v1' || !key || !iv || ct === undefined || !tag) throw new Error(`cannot decrypt data sealed with key "${kid}"`)
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
  decipher.setAAD(Buffer.from(aad))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()])
}
