import { describe, expect, it } from 'vitest'
import { sessionModeOf } from './session-mode'

type Client = Parameters<typeof sessionModeOf>[0]
const reads: string[] = []
const client = (mode: 'join' | 'member_centre' | undefined): Client =>
  ({
    joinSessions: { retrieve: async (id: string) => (reads.push(id), { mode }) },
    membership: { retrieve: async () => reads.push('membership') },
  }) as unknown as Client

describe('sessionModeOf', () => {
  it('opens what the session says, with one read (never the membership: a driver who never applied costs no 404)', async () => {
    reads.length = 0
    expect(await sessionModeOf(client('member_centre'), 'jsess_1')).toBe('member_centre')
    expect(await sessionModeOf(client('join'), 'jsess_2')).toBe('join')
    expect(await sessionModeOf(client(undefined), 'jsess_3')).toBe('join') // a registry before issue #16
    expect(reads).toEqual(['jsess_1', 'jsess_2', 'jsess_3'])
  })
  it('the session unreadable (offline): the join flow', async () => {
    const broken = { joinSessions: { retrieve: async () => Promise.reject(new Error('offline')) } } as unknown as Client
    expect(await sessionModeOf(broken, 'jsess_1')).toBe('join')
  })
})
