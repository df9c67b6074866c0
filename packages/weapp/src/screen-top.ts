/**
 * One screen per step: when the screen changes (another step, or another level of the region
 * picker), the page scrolls so the component's top — the step's title — is at the top of the
 * window, instead of staying where the last button was tapped (issue #18).
 */

/** What names a screen: the step, and while the picker is open, the level it lists. */
export function screenOf(view: { step: string; county: { picker: { open: boolean; level: number } } }): string {
  return view.county.picker.open ? `${view.step}:picker:${view.county.picker.level}` : view.step
}

interface Queryable {
  createSelectorQuery(): {
    select(selector: string): { boundingClientRect(): unknown }
    selectViewport(): { scrollOffset(): unknown }
    exec(callback: (res: Array<{ top?: number; scrollTop?: number } | null>) => void): void
  }
}

type PageScrollTo = (options: { scrollTop: number; duration?: number }) => void

/** Scroll the page (wx.pageScrollTo, when the host has it) to the component's top; to 0 where the query is not available. */
export function scrollToTop(self: Queryable, pageScrollTo: PageScrollTo | undefined): void {
  if (typeof pageScrollTo !== 'function') return
  const go = (scrollTop: number) => pageScrollTo({ scrollTop: Math.max(0, Math.round(scrollTop)), duration: 0 })
  try {
    const query = self.createSelectorQuery()
    query.select('.ruhui-join').boundingClientRect()
    query.selectViewport().scrollOffset()
    query.exec((res) => {
      const rect = res && res[0]
      const viewport = res && res[1]
      go(rect && viewport && typeof rect.top === 'number' ? (viewport.scrollTop || 0) + rect.top : 0)
    })
  } catch {
    go(0)
  }
}
