/** The hash a consent record carries: SHA-256 (hex) of the UTF-8 body as published, placeholders unfilled. Synchronous; runs in the mini-program. */
import { sha256Hex } from '../flow/sha256'

export function consentTextHash(body: string): string {
  return sha256Hex(body)
}
