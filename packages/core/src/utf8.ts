/** UTF-8 without TextEncoder/TextDecoder (not every mini-program base library has them). */

export function encodeUtf8(s: string): Uint8Array {
  const out: number[] = []
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
        i++
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd // a lone surrogate
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
  }
  return Uint8Array.from(out)
}

/** The WHATWG UTF-8 decoder (what TextDecoder does): one U+FFFD per maximal invalid subpart. */
export function decodeUtf8(bytes: Uint8Array): string {
  let out = ''
  let codePoint = 0
  let needed = 0
  let seen = 0
  let lower = 0x80
  let upper = 0xbf
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number
    if (needed === 0) {
      if (b <= 0x7f) out += String.fromCharCode(b)
      else if (b >= 0xc2 && b <= 0xdf) [needed, codePoint] = [1, b & 0x1f]
      else if (b >= 0xe0 && b <= 0xef) {
        if (b === 0xe0) lower = 0xa0
        if (b === 0xed) upper = 0x9f
        ;[needed, codePoint] = [2, b & 0xf]
      } else if (b >= 0xf0 && b <= 0xf4) {
        if (b === 0xf0) lower = 0x90
        if (b === 0xf4) upper = 0x8f
        ;[needed, codePoint] = [3, b & 0x7]
      } else out += '\ufffd'
      continue
    }
    if (b < lower || b > upper) {
      // The sequence so far is invalid: one replacement, and this byte starts afresh.
      codePoint = needed = seen = 0
      lower = 0x80
      upper = 0xbf
      out += '\ufffd'
      i--
      continue
    }
    lower = 0x80
    upper = 0xbf
    codePoint = (codePoint << 6) | (b & 0x3f)
    if (++seen === needed) {
      out += String.fromCodePoint(codePoint)
      codePoint = needed = seen = 0
    }
  }
  return needed === 0 ? out : `${out}\ufffd`
}
