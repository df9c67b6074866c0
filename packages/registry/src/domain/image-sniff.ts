/**
 * What an uploaded file is, by its bytes (issue #16): JPEG (SOI marker FF D8 then a marker FF xx,
 * and the EOI marker FF D9 at the end) or PNG (the 8-byte signature, then the IHDR chunk).
 * Anything else — a PDF, an HTML page, a GIF, a JPEG header on other bytes — is not an image we keep.
 */
export type ImageType = 'image/jpeg' | 'image/png'

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

export function sniffImage(bytes: Uint8Array): ImageType | undefined {
  if (bytes.length >= 6 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    // Some cameras pad after EOI: look for it near the end.
    const tail = bytes.subarray(Math.max(0, bytes.length - 64))
    for (let i = tail.length - 2; i >= 0; i--) if (tail[i] === 0xff && tail[i + 1] === 0xd9) return 'image/jpeg'
    return undefined
  }
  if (bytes.length >= 33 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) {
    const ihdr = String.fromCharCode(bytes[12] ?? 0, bytes[13] ?? 0, bytes[14] ?? 0, bytes[15] ?? 0)
    return ihdr === 'IHDR' ? 'image/png' : undefined
  }
  return undefined
}
