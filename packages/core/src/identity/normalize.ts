/**
 * Input normalisation for identifiers (DOMAIN.md §1): NFKC folds full-width
 * digits and letters, separators are removed, letters upper-cased.
 * Names are NOT normalised here (NFKC would change them; see person-name.ts).
 */

// Whitespace, hyphens, underscores, dots and middle dots drivers type between groups.
const SEPARATORS = /[\s\-_.\u00B7\u2022\u30FB\uFF0E\uFF65\u2010-\u2015\u2212]/gu

/** Normalise an identifier typed on a phone: `'３２０１ ０２１９-x'` → `'32010219X'`. */
export function normalizeIdentifier(raw: string): string {
  // Fast path: plain ASCII digits and letters need only upper-casing (the common case).
  let plain = true
  let lower = false
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i)
    if (c >= 48 && c <= 57) continue
    if (c >= 65 && c <= 90) continue
    if (c >= 97 && c <= 122) {
      lower = true
      continue
    }
    plain = false
    break
  }
  if (plain) return lower ? raw.toUpperCase() : raw
  return raw.normalize('NFKC').replace(SEPARATORS, '').toUpperCase()
}

/** @internal Common guard: not a string, empty, or absurdly long before normalising. */
export function guardString(input: unknown, maxRawLength: number): 'invalid_type' | 'required' | 'too_long' | undefined {
  if (typeof input !== 'string') return input === undefined || input === null ? 'required' : 'invalid_type'
  if (input.length > maxRawLength) return 'too_long'
  // Only a string that starts with white space can be blank; skip trim() otherwise (hot path).
  if (input.length === 0 || (isSpace(input.charCodeAt(0)) && input.trim() === '')) return 'required'
  return undefined
}

function isSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0xfeff || c === 0x2028 || c === 0x2029
}
