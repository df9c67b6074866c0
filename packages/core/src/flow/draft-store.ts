/**
 * The draft in the host's storage: written in order, one write at a time, only when what is kept
 * changed, never before the saved draft was read; removed when the flow ends.
 */
import { type FlowModel, toPersisted } from './state'
import type { FlowStorage } from './ports'

const noop = () => undefined

export function createDraftStore(storage: FlowStorage, key: string) {
  let opened = false
  let written = ''
  let writing: Promise<void> | null = null // an asynchronous write under way; later ones wait for it

  const write = (job: () => unknown): Promise<void> => {
    const run = (): Promise<void> | null => {
      try {
        const r = job() as { then?: unknown } | undefined
        return r && typeof r.then === 'function' ? Promise.resolve(r).then(noop, noop) : null
      } catch {
        return null // a storage that fails loses the draft, not the flow
      }
    }
    // A synchronous storage (mini-program, memory) is up to date as soon as this returns.
    const w = writing ? writing.then(() => run() ?? undefined) : run()
    if (!w) return Promise.resolve()
    writing = w
    void w.then(() => {
      if (writing === w) writing = null
    })
    return w
  }
  const textOf = (m: FlowModel) => {
    const draft = toPersisted(m, storage.private)
    return draft ? JSON.stringify(draft) : ''
  }

  return {
    /** The saved draft (null when none); from now on the draft follows the state. */
    async read(): Promise<string | null> {
      const saved = await storage.getItem(key)
      opened = true
      return saved ?? null
    },
    /** The state just opened from the saved draft: storage already holds it (or it is discarded). */
    opened(m: FlowModel) {
      written = textOf(m)
    },
    /** Keep what this state keeps, if that changed. */
    keep(m: FlowModel) {
      const text = textOf(m)
      if (!opened || !text || text === written) return
      written = text
      void write(() => storage.setItem(key, text))
    },
    discard: (): Promise<void> => write(() => storage.removeItem(key)),
    /** The write under way (a submission is sent only once the draft holding its key is stored). */
    saved: (): Promise<void> => writing ?? Promise.resolve(),
  }
}
