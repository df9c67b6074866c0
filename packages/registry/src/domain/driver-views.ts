/**
 * What the driver's own join token sees beyond the platform's view (issue #16): the session's mode
 * (member centre or join) and an application's latest request for information. The platform's
 * secret key never gets them: it learns status, not membership.
 */
import type { Application, JoinSession } from '@ruhui/core/contract'
import type { Caller, RegistryContext } from './context'
import { informationRequestView, latestInformationRequest } from './information-requests'
import { sessionMode } from './membership'

export async function withSessionMode(ctx: RegistryContext, caller: Caller, session: JoinSession): Promise<JoinSession> {
  if (caller.kind !== 'join_token' || caller.sessionId !== session.id) return session
  return { ...session, mode: await sessionMode(ctx, session.id) }
}

/** The driver's view of an application gets its latest request; the platform's view (another shape) is left as it is. */
export async function withInformationRequest<A extends { id: string }>(ctx: RegistryContext, caller: Caller, application: A): Promise<A> {
  if (caller.kind !== 'join_token') return application
  const request = await latestInformationRequest(ctx.db, application.id)
  return request ? ({ ...application, information_request: informationRequestView(request) } satisfies Partial<Application>) : application
}
