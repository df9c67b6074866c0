import { describe, expect, it } from 'vitest'
import { RegistryInvalidRequestError } from '../client/errors'
import { sessionModeOf } from './session-mode'
import { nanjingMember } from './test-membership'

type Client = Parameters<typeof sessionModeOf>[0]
const client = (mode: 'join' | 'member_centre' | undefined, membership: () => Promise<unknown>): Client =>
  ({ joinSessions: { retrieve: async () => ({ mode }) }, membership: { retrieve: membership } }) as unknown as Client
const request = { id: 'irq_1', object: 'information_request', application_id: 'app_1', fields: ['plate'], documents: [], message: '请补充车牌号', requested_at: '2026-12-01T10:00:00.000+08:00', answered_at: null }

describe('sessionModeOf', () => {
  it('a member: the member centre, without reading the membership', async () => {
    let read = 0
    expect(await sessionModeOf(client('member_centre', async () => (read++, nanjingMember)), 'jsess_1')).toBe('member_centre')
    expect(read).toBe(0)
  })
  it('not a member, the union waiting for an answer: the member centre; answered or none: the join flow', async () => {
    expect(await sessionModeOf(client('join', async () => ({ ...nanjingMember, status: null, information_request: request })), 'jsess_1')).toBe('member_centre')
    expect(await sessionModeOf(client('join', async () => ({ ...nanjingMember, status: null, information_request: { ...request, answered_at: '2026-12-01T11:00:00.000+08:00' } })), 'jsess_1')).toBe('join')
  })
  it('never applied (404) or the session unreadable: the join flow', async () => {
    const notFound = async () => {
      throw new RegistryInvalidRequestError({ type: 'invalid_request_error', code: 'membership_not_found', message: 'x', userMessage: 'x', statusCode: 404 })
    }
    expect(await sessionModeOf(client('join', notFound), 'jsess_1')).toBe('join')
    const broken = { joinSessions: { retrieve: async () => Promise.reject(new Error('offline')) }, membership: { retrieve: notFound } } as unknown as Client
    expect(await sessionModeOf(broken, 'jsess_1')).toBe('join')
  })
})
