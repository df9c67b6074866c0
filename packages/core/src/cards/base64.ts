/** Base64 and base64url to bytes without atob or Buffer (not every mini-program base library has them). */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const VALUE: Record<string, number> = {}
for (let i = 0; i < 64; i++) VALUE[ALPHABET[i] as string] = i
VALUE['-'] = 62
VALUE['_'] = 63

/** Bytes of base64 or base64url text (padding optional, whitespace ignored); undefined when it is neither. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const s = text.replace(/\s+/g, '').replace(/=+$/, '')
  if (s.length % 4 === 1) return undefined
  const out = new Uint8Array(Math.floor((s.length * 3) / 4))
  let bits = 0
  let acc = 0
  let n = 0
  for (const ch of s) {
    const v = VALUE[ch]
    if (v === undefined) return undefined
    acc = (acc << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[n++] = (acc >> bits) & 0xff
    }
  }
  return out
}
