import { createHash, createHmac, randomBytes } from 'node:crypto'
import type { KeyRing } from './keys'

/** The de-duplication key of a person: HMAC-SHA256 of the normalised ID number (never a plain hash, DOMAIN.md §6.3). */
export function personKey(keys: KeyRing, idNumber: string): string {
  return createHmac('sha256', keys.personKeySecret).update(idNumber).digest('base64url')
}

/** Secret keys and tokens are 32 random bytes: a SHA-256 of them is safe to store and look up. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url')
}

// Random bytes drawn from a pool: one crypto call per 4 KiB instead of one per id.
let pool = Buffer.alloc(0)
let offset = 0
export function random(n: number): Buffer {
  if (offset + n > pool.length) {
    pool = randomBytes(4096)
    offset = 0
  }
  const out = pool.subarray(offset, offset + n)
  offset += n
  return out
}

export function newSecret(prefix: string): string {
  return `${prefix}_${random(24).toString('base64url').replace(/[-]/g, 'a')}`
}

/** A prefixed id (base62-ish, 20 chars). */
export function newId(prefix: string): string {
  return `${prefix}_${random(15).toString('base64url').replace(/[-_]/g, 'x')}`
}
