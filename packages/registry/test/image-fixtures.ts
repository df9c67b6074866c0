// Synthetic images for upload tests: a real PNG (made here with zlib, CRCs computed) and a JPEG's
// bytes (SOI, APP0 'JFIF', … EOI: its markers, which is all the registry reads), plus non-images.
import { crc32, deflateSync } from 'node:zlib'

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body) >>> 0)
  return Buffer.concat([len, body, crc])
}

/** A w×h RGB PNG of one colour (red by default): a real image any browser draws. */
export function makePng(w = 4, h = 4, rgb: [number, number, number] = [200, 22, 29]): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(w, 0)
  ihdr.writeUInt32BE(h, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // colour type: RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: w }, () => rgb).flat())])
  const raw = Buffer.concat(Array.from({ length: h }, () => row))
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}

/** JPEG markers around `size` bytes of filler: SOI, APP0 JFIF, COM (the filler), EOI. */
export function makeJpegBytes(size = 1024): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00])
  const filler = Buffer.alloc(Math.max(0, size - app0.length - 6), 0x20)
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, Buffer.from([0xff, 0xfe]), filler, Buffer.from([0xff, 0xd9])])
}

/** Not images: a PDF, an HTML page, a GIF, and a JPEG's first bytes on something else (no end marker). */
export const NOT_IMAGES: Record<string, Buffer> = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  html: Buffer.from('<!doctype html><script>alert(1)</script>'),
  gif: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'),
  fakeJpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('#!/bin/sh\necho not a photo\n')]),
}
