// What the flow keeps in the host's storage, and how it resumes from it.
import { describe, expect, it } from 'vitest'
import { DRIVER, ID_NUMBER, atUnion, calls, config, events, match, opened, queuedOffline, run, submitting, typed } from '../../test/flow-reducer-kit'
import { type FlowModel, initialModel, parsePersisted, toPersisted } from './state'

const reopen = (saved: string | null, online = true) => run(initialModel(config(), {}, online), { type: 'open', saved })
const saved = (m: FlowModel, isPrivate = true) => JSON.stringify(toPersisted(m, isPrivate))

describe('what is kept', () => {
  it('storage that is not private never holds the ID number, at any step (nor in a queued submission)', () => {
    const queued = queuedOffline()
    for (const m of [typed(), atUnion(), submitting(), queued]) {
      expect(saved(m, false)).not.toContain(ID_NUMBER)
      expect(saved(m, true)).toContain(ID_NUMBER)
    }
  })

  it('mid-request the draft says queued, with the same key: a restart sends the same request', () => {
    expect(toPersisted(submitting(), true)).toMatchObject({ step: 'queued', queued: { idempotencyKey: 'key-1' } })
  })

  it('nothing once the flow has ended', () => {
    expect(toPersisted(run(typed(), { type: 'exit' }).state, true)).toBeNull()
  })
})

describe('resume', () => {
  it('reopening resumes at the step the driver left, with the consent and the fields', () => {
    const { state, effects } = reopen(saved(atUnion()))
    expect(state.view).toMatchObject({ step: 'union', selectedOrgId: 'org_freight', fields: DRIVER, consent: { sensitive: { version: '2026-12' }, union: null } })
    expect(events(effects)).toEqual(['RESUMED', 'OPEN'])
    expect(effects).toContainEqual({ type: 'emit', name: 'OPEN', metadata: { resumed: true } })
    expect(calls(effects, 'services')).toEqual([{ type: 'call', call: 'services', input: { membership: 'non_member', region: '320115' }, done: 'servicesLoaded', background: true }])
  })

  it('a corrupt draft is discarded, and the flow says it did not resume', () => {
    for (const text of ['{"v":1,"step":"identity"', 'null', '[]', '{"v":2,"step":"union","fields":{},"consent":{}}', '{"v":1,"step":"nowhere","fields":{},"consent":{}}', '{"v":1,"step":"union","fields":{"name":5},"consent":{}}']) {
      const { state, effects } = reopen(text)
      expect(parsePersisted(text)).toBeNull()
      expect(state.view.step).toBe('intro')
      expect(effects.slice(0, 2)).toEqual([{ type: 'discardDraft' }, { type: 'emit', name: 'OPEN', metadata: { resumed: false } }])
      expect(events(effects)).not.toContain('RESUMED')
    }
  })

  it('a queued submission resumes queued and is sent when online, with its key', () => {
    const queued = queuedOffline()
    expect(reopen(saved(queued), false).state.view.step).toBe('queued')
    const online = reopen(saved(queued), true)
    expect(calls(online.effects, 'submit').map((e) => [e.input, e.done, e.background])).toEqual([[queued.outbox, 'synced', true]]) // start() does not wait for it
  })

  it('without private storage: the driver types the ID number again, and the queued request goes out as it was (same key)', () => {
    const queued = queuedOffline()
    const back = reopen(saved(queued, false)).state
    expect(back.view.step).toBe('identity')
    const { effects } = run(back, { type: 'setField', name: 'idNumber', value: ID_NUMBER }, { type: 'confirmIdentity' })
    expect(calls(effects, 'submit').map((e) => [e.input, e.done])).toEqual([[queued.outbox, 'synced']])
  })

  it('without private storage: other edits made while typing the ID number again are not dropped — it is a new submission, matched again', () => {
    const queued = queuedOffline()
    const back = reopen(saved(queued, false)).state
    const edited = run(back, { type: 'setField', name: 'idNumber', value: ID_NUMBER }, { type: 'setField', name: 'mobile', value: '13900000002' }, { type: 'confirmIdentity' })
    expect(calls(edited.effects, 'submit')).toEqual([])
    expect(calls(edited.effects, 'match')).toHaveLength(1)
    expect(edited.state.outbox).toBeNull()
    const sent = calls(run(edited.state, { type: 'matched', result: match }, { type: 'confirmUnion' }, { type: 'grantShare' }, { type: 'submit', key: 'key-2' }).effects, 'submit')[0]
    expect(sent?.input).toMatchObject({ idempotencyKey: 'key-2', body: { applicant: { mobile: '13900000002', id_number: ID_NUMBER } } })
  })

  it('prefill fills the fields the platform knows; a resumed draft wins over it', () => {
    expect(initialModel(config(), { name: '李师傅' }).view.fields.name).toBe('李师傅')
    const r = run(initialModel(config(), { name: '李师傅' }), { type: 'open', saved: saved(typed()) })
    expect(r.state.view.fields.name).toBe(DRIVER.name)
    expect(opened().view.fields.name).toBe('')
  })
})
