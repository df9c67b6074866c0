// The draft in storage: in order, only when it changed, never before the saved one was read.
import { describe, expect, it } from 'vitest'
import { ID_NUMBER, atUnion, opened, submitting, typed } from '../../test/flow-reducer-kit'
import { createDraftStore } from './draft-store'
import type { FlowStorage } from './ports'

/** A storage whose writes finish when told to, logging what happened in which order. */
function slowStorage(isPrivate = true) {
  const log: string[] = []
  const pending: Array<() => void> = []
  const data = new Map<string, string>([['k', 'saved']])
  const later = (what: string, then: () => void) =>
    new Promise<void>((resolve) =>
      pending.push(() => {
        then()
        log.push(what)
        resolve()
      }),
    )
  const storage: FlowStorage = {
    private: isPrivate,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => later(`set ${JSON.parse(v).step}`, () => data.set(k, v)),
    removeItem: (k) => later('remove', () => data.delete(k)),
  }
  const flush = async () => {
    while (pending.length) {
      pending.shift()!()
      await new Promise((r) => setTimeout(r, 0))
    }
  }
  return { storage, data, log, flush }
}

describe('createDraftStore', () => {
  it('nothing is written before the saved draft was read; then only changes, one after the other, and the removal last', async () => {
    const { storage, data, log, flush } = slowStorage()
    const draft = createDraftStore(storage, 'k')
    draft.keep(typed()) // not read yet: the saved draft must survive
    expect(data.get('k')).toBe('saved')
    expect(await draft.read()).toBe('saved')
    draft.opened(opened())
    draft.keep(opened()) // unchanged since it opened: nothing to write
    draft.keep(typed())
    draft.keep(typed())
    draft.keep(atUnion())
    const removed = draft.discard()
    await flush()
    await removed
    expect(log).toEqual(['set identity', 'set union', 'remove'])
    expect(data.has('k')).toBe(false)
  })

  it('saved() waits for the write holding a submission’s key', async () => {
    const { storage, data, flush } = slowStorage()
    const draft = createDraftStore(storage, 'k')
    await draft.read()
    draft.keep(submitting())
    let done = false
    void draft.saved().then(() => (done = true))
    await new Promise((r) => setTimeout(r, 0))
    expect(done).toBe(false)
    await flush()
    expect(done).toBe(true)
    expect(JSON.parse(data.get('k') as string).queued.idempotencyKey).toBe('key-1')
  })

  it('a storage that is not private never gets the ID number; a storage that throws loses the draft, not the flow', async () => {
    const { storage, data, flush } = slowStorage(false)
    const draft = createDraftStore(storage, 'k')
    await draft.read()
    draft.keep(submitting())
    await flush()
    expect(data.get('k')).not.toContain(ID_NUMBER)
    const broken = createDraftStore({ private: true, getItem: () => null, setItem: () => { throw new Error('full') }, removeItem: () => undefined }, 'k')
    await broken.read()
    expect(() => broken.keep(typed())).not.toThrow()
    await expect(broken.saved()).resolves.toBeUndefined()
  })
})
