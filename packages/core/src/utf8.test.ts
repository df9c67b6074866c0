import fc from 'fast-check'
import { expect, it } from 'vitest'
import { decodeUtf8, encodeUtf8 } from './utf8'

it('encodes exactly as TextEncoder, lone surrogates included', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (s) => {
    expect(encodeUtf8(s)).toEqual(new TextEncoder().encode(s))
  }), { numRuns: 500 })
})

it('decodes exactly as TextDecoder, invalid bytes included', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 100 }), (b) => {
    expect(decodeUtf8(b)).toBe(new TextDecoder().decode(b))
  }), { numRuns: 500 })
  expect(decodeUtf8(encodeUtf8('买买提·吐尔逊 𠮷'))).toBe('买买提·吐尔逊 𠮷')
})
