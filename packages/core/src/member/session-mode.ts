/**
 * What a join session opens, for every shell: the member centre (我的会籍) when the registry says so
 * (`join_session.mode`, read with the session's own token: the driver is a member, or the union asked
 * for more on the driver's open application — the review loop); otherwise the join flow. One read: a
 * driver who never applied costs no second request. A read that fails opens the join flow, as before
 * (it knows what to do with a member who submits).
 */
import type { JoinTokenClient } from '../client/create-registry-client'

export type SessionMode = 'join' | 'member_centre'

export async function sessionModeOf(client: Pick<JoinTokenClient, 'joinSessions'>, sessionId: string): Promise<SessionMode> {
  try {
    return (await client.joinSessions.retrieve(sessionId)).mode === 'member_centre' ? 'member_centre' : 'join'
  } catch {
    return 'join'
  }
}
