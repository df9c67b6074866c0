// The outbox: a frozen body and its key; an entry on its way is joined, never sent twice.
import { describe, expect, it, vi } from 'vitest'
import type { JoinTokenClient } from '../client/create-registry-client'
import { ID_NUMBER, submitting } from '../../test/flow-reducer-kit'
import { createSender, forStorage, keepOrReplace } from './outbox'

const body = () => submitting().outbox!.body

function fakeClient() {
  const calls: Array<{ key: string | undefined }> = []
  let release: () => void = () => undefined
  const submit = vi.fn((_b: unknown, o?: { idempotencyKey?: string }) => {
    calls.push({ key: o?.idempotencyKey })
    return new Promise((resolve) => (release = () => resolve({ id: 'app_1' })))
  })
  return { client: { applications: { submit } } as unknown as JoinTokenClient, calls, release: () => release() }
}

describe('createSender', () => {
  it('the same entry sent again while on its way joins the first request; after it settles a retry is a new request with the same key', async () => {
    const { client, calls, release } = fakeClient()
    const sender = createSender(client)
    const entry = { idempotencyKey: 'key-1', body: body() }
    const a = sender.send(entry)
    const b = sender.send({ ...entry })
    expect(b).toBe(a)
    await Promise.resolve()
    expect(calls).toEqual([{ key: 'key-1' }])
    expect(sender.current()).not.toBeNull()
    release()
    await a
    await Promise.resolve()
    expect(sender.current()).toBeNull()
    void sender.send(entry)
    await Promise.resolve()
    expect(calls).toEqual([{ key: 'key-1' }, { key: 'key-1' }])
  })

  it('waits for what must come first (the draft holding the key is written) before sending', async () => {
    const { client, calls } = fakeClient()
    let written: () => void = () => undefined
    void createSender(client).send({ idempotencyKey: 'k', body: body() }, () => new Promise<void>((r) => (written = r)))
    await Promise.resolve()
    expect(calls).toEqual([])
    written()
    await new Promise((r) => setTimeout(r, 0))
    expect(calls).toEqual([{ key: 'k' }])
  })
})

it('keepOrReplace: the same body keeps its key, a changed one takes the new key', () => {
  const current = { idempotencyKey: 'key-1', body: body() }
  expect(keepOrReplace(current, JSON.parse(JSON.stringify(body())), 'key-2')).toBe(current)
  expect(keepOrReplace(current, { ...body(), org_id: 'org_park' }, 'key-2').idempotencyKey).toBe('key-2')
  expect(keepOrReplace(null, body(), 'key-3').idempotencyKey).toBe('key-3')
})

it('forStorage: the ID number stays out of storage that is not private', () => {
  const entry = { idempotencyKey: 'key-1', body: body() }
  expect(JSON.stringify(forStorage(entry, false))).not.toContain(ID_NUMBER)
  expect(forStorage(entry, true)).toBe(entry)
})
