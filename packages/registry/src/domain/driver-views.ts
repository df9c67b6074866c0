/**
 * What the driver's own join token sees beyond the platform's view (issue #16): the session's mode
 * (member centre or join) and the platform's prefill of this driver, and an application's latest
 * request for information. The platform's
 * secret key never gets them: it learns status, not membership.
 */
import type { Application, JoinSession } from '@ruhui/core/contract'
import type { Caller, RegistryContext } from './context'
import { informationRequestView, latestInformationRequest } from './information-requests'
import { sessionPrefill } from './identity-evidence'
import { sessionMode } from './membership'

export async function withSessionMode(ctx: RegistryContext, caller: Caller, session: JoinSession): Promise<JoinSession> {
  if (caller.kind !== 'join_token' || caller.sessionId !== session.id) return session
  // The platform's prefill, back to the driver it describes (the hosted page has only the token).
  const prefill = await sessionPrefill(ctx, session.id)
  return { ...session, mode: await sessionMode(ctx, session.id), ...(prefill ? { prefill } : {}) }
}

/** The driver's view of an application gets its latest request; the platform's view (another shape) is left as it is. */
export async function withInformationRequest<A extends { id: string }>(ctx: RegistryContext, caller: Caller, application: A): Promise<A> {
  if (caller.kind !== 'join_token') return application
  const request = await latestInformationRequest(ctx.db, application.id)
  return request ? ({ ...application, information_request: informationRequestView(request) } satisfies Partial<Application>) : application
}
