#!/usr/bin/env node
// Draws the example app's tab-bar icons (接单: a truck, 我的: a person) as 81×81 PNGs, grey and
// selected red, with no image library: shapes tested per pixel (4×4 supersampled), PNG written by hand.
// The PNGs are committed; regenerate: node examples/driver-app/scripts/gen-tab-icons.mjs
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const SIZE = 81
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc = (buf) => {
  let c = 0xffffffff
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const c = Buffer.alloc(4)
  c.writeUInt32BE(crc(td))
  return Buffer.concat([len, td, c])
}
function png(rgba) {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0)
  ihdr.writeUInt32BE(SIZE, 4)
  ihdr.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE)
  for (let y = 0; y < SIZE; y++) rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4)
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}
/** Paint `inside(x, y)` (coordinates 0–81) in a colour, with 4×4 supersampled edges. */
function draw(inside, [r, g, b]) {
  const out = Buffer.alloc(SIZE * SIZE * 4)
  for (let y = 0; y < SIZE; y++)
    for (let x = 0; x < SIZE; x++) {
      let hit = 0
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (inside(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hit++
      out.set([r, g, b, Math.round((hit / 16) * 255)], (y * SIZE + x) * 4)
    }
  return out
}
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const ring = (cx, cy, r0, r1) => (x, y) => !circle(cx, cy, r0)(x, y) && circle(cx, cy, r1)(x, y)
const any = (...fs) => (x, y) => fs.some((f) => f(x, y))
const but = (f, g) => (x, y) => f(x, y) && !g(x, y)

// A truck: the cargo box, the cab with its window, two wheels.
const truck = any(rect(6, 20, 48, 54), but(rect(50, 30, 75, 54), rect(55, 34, 68, 42)), ring(22, 60, 4, 9), ring(60, 60, 4, 9))
// A person: the head and the shoulders.
const person = any(circle(40.5, 26, 13), but((x, y) => y >= 46 && ((x - 40.5) / 28) ** 2 + ((y - 72) / 26) ** 2 <= 1, rect(0, 73, 81, 81)))

const GREY = [0x66, 0x66, 0x66]
const RED = [0xc8, 0x16, 0x1d]
const dir = new URL('../src/assets/', import.meta.url)
for (const [name, shape] of [['orders', truck], ['me', person]]) {
  writeFileSync(new URL(`tab-${name}.png`, dir), png(draw(shape, GREY)))
  writeFileSync(new URL(`tab-${name}-active.png`, dir), png(draw(shape, RED)))
}
console.log('wrote 4 tab-bar icons (81×81 PNG) in examples/driver-app/src/assets/')
