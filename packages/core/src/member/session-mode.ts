/**
 * What a join session opens, for every shell: the member centre (我的会籍) when the driver is a member
 * (`join_session.mode`, read with the session's own token) or when the union asked for more on the
 * driver's open application (the review loop); otherwise the join flow. A read that fails opens the
 * join flow, as before (it knows what to do with a member who submits).
 */
import type { JoinTokenClient } from '../client/create-registry-client'
import { infoRequestOf } from './info-answer'

export type SessionMode = 'join' | 'member_centre'

export async function sessionModeOf(client: Pick<JoinTokenClient, 'joinSessions' | 'membership'>, sessionId: string): Promise<SessionMode> {
  try {
    const session = await client.joinSessions.retrieve(sessionId)
    if (session.mode === 'member_centre') return 'member_centre'
    // Not a member: a driver who never applied here gets 404 membership_not_found, which is the join flow too.
    return infoRequestOf(await client.membership.retrieve()) ? 'member_centre' : 'join'
  } catch {
    return 'join'
  }
}
