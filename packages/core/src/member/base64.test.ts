import { describe, expect, it } from 'vitest'
import { imageKind, toBase64 } from './base64'

describe('toBase64', () => {
  it('matches the standard encoding for every length remainder and all byte values', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    for (const n of [0, 1, 2, 3, 4, 5, 255, 256]) {
      const bytes = all.slice(0, n)
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
    }
  })
})

describe('imageKind', () => {
  it('tells JPEG and PNG by their first bytes, and nothing else', () => {
    expect(imageKind(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('image/jpeg')
    expect(imageKind(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png')
    expect(imageKind(new TextEncoder().encode('%PDF-1.7'))).toBeNull()
    expect(imageKind(new Uint8Array(0))).toBeNull()
  })
})
