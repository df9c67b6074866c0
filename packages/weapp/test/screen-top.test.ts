// One screen per step: a new screen scrolls the page to the component's top (where the query can
// tell), to 0 where it cannot, and not at all where the host has no pageScrollTo.
import { describe, expect, it } from 'vitest'
import { screenOf, scrollToTop } from '../src/screen-top'

/** A component whose selector query answers with the component's rect and the viewport's scroll. */
const component = (top: number | null, scrollTop: number) => ({
  createSelectorQuery: () => ({
    select: () => ({ boundingClientRect: () => undefined }),
    selectViewport: () => ({ scrollOffset: () => undefined }),
    exec: (cb: (res: Array<{ top?: number; scrollTop?: number } | null>) => void) => void Promise.resolve().then(() => cb([top === null ? null : { top }, { scrollTop }])),
  }),
})

describe('scrollToTop', () => {
  it("scrolls the page so the component's top is the window's top", async () => {
    const scrolls: number[] = []
    const pageScrollTo = (o: { scrollTop: number }) => void scrolls.push(o.scrollTop)
    scrollToTop(component(-176, 600), pageScrollTo) // the last tap left the title 176 px above the window
    scrollToTop(component(120, 0), pageScrollTo) // a host header above the component
    await Promise.resolve()
    await Promise.resolve()
    expect(scrolls).toEqual([424, 120])
  })

  it('scrolls to 0 when the component cannot be measured; does nothing without pageScrollTo', async () => {
    const scrolls: number[] = []
    const pageScrollTo = (o: { scrollTop: number }) => void scrolls.push(o.scrollTop)
    scrollToTop(component(null, 300), pageScrollTo)
    scrollToTop({ createSelectorQuery: () => { throw new Error('not in this base library') } } as never, pageScrollTo)
    await Promise.resolve()
    await Promise.resolve()
    expect(scrolls).toEqual([0, 0])
    expect(() => scrollToTop(component(10, 0), undefined)).not.toThrow()
  })
})

describe('screenOf', () => {
  it('a step, or the picker at a level, is a screen of its own', () => {
    const at = (step: string, open: boolean, level: number) => screenOf({ step, county: { picker: { open, level } } })
    expect(new Set([at('identity', false, 0), at('identity', true, 0), at('identity', true, 1), at('union', false, 0)]).size).toBe(4)
    expect(at('identity', false, 0)).toBe(at('identity', false, 2)) // a closed picker's level does not matter
  })
})
