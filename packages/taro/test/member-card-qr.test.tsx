// The e-card's QR code as the component draws it: the boxes it renders, painted onto a bitmap
// from their own left/top/width/height, must decode (jsQR) to the text it was given.
import { cleanup, render } from '@testing-library/react'
import jsQR from 'jsqr'
import { afterEach, describe, expect, it, vi } from 'vitest'

vi.mock('@tarojs/taro', async () => {
  const { taroApi: api } = await import('./taro-mock')
  return { default: api, ...api }
})
const { MemberCardQr } = await import('../src/member-card-qr')
afterEach(cleanup)

/** Paint the drawn boxes (percent of the square) onto a white bitmap of `px`×`px`, 4 bytes a pixel. */
function paint(container: HTMLElement, px: number): Uint8ClampedArray {
  const data = new Uint8ClampedArray(px * px * 4).fill(255)
  const pct = (v: string) => (Number.parseFloat(v) / 100) * px
  for (const box of container.querySelectorAll<HTMLElement>('.ruhui-qr__run')) {
    const x0 = Math.round(pct(box.style.left))
    const y0 = Math.round(pct(box.style.top))
    const x1 = Math.round(pct(box.style.left) + pct(box.style.width))
    const y1 = Math.round(pct(box.style.top) + pct(box.style.height))
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data.fill(0, (y * px + x) * 4, (y * px + x) * 4 + 3)
  }
  return data
}

describe('<MemberCardQr>', () => {
  it('draws a code that a scanner reads back as the card’s signed payload', () => {
    const value = `RUHUI1.${'eyJubyI6IlJIMTIzNDU2Nzg5MDEyMzQ1NiIsIm9yZyI6Im9yZ19uaiIsIm5hbWUiOiIq5LiJIiwic2luY2UiOiIyMDI2LTExLTAyIn0'}.${'A'.repeat(86)}`
    const { container } = render(<MemberCardQr value={value} label="电子会员卡" />)
    const root = container.querySelector('.ruhui-qr') as HTMLElement
    expect(root.getAttribute('aria-label')).toBe('电子会员卡')
    const size = Number(root.dataset.size)
    expect(size).toBeGreaterThan(21)
    // one box per run, far fewer than one per module
    expect(container.querySelectorAll('.ruhui-qr__run').length).toBeLessThan((size * size) / 2)
    const px = (size + 8) * 6
    const decoded = jsQR(paint(container, px), px, px)
    expect(decoded?.data).toBe(value)
  })

  it('a different text draws a different code', () => {
    const a = render(<MemberCardQr value="RUHUI1.a.b" label="x" />).container.innerHTML
    cleanup()
    const b = render(<MemberCardQr value="RUHUI1.a.c" label="x" />).container.innerHTML
    expect(a).not.toBe(b)
  })
})
