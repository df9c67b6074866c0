/**
 * The public API (`ROUTES` of @ruhui/core/contract) on Hono, through the one dispatcher of
 * @ruhui/core/server: this file only supplies the registry's handlers, its authentication and
 * where idempotent replies are kept.
 */
import type { Context, Hono } from 'hono'
import { API_VERSION, ROUTES, type Route, type RouteName, toChinaTime } from '@ruhui/core/contract'
import { type Handlers, createApiServer, listParks, searchOrganisations } from '@ruhui/core/server'
import { createSession, refreshSession, retrieveSession } from '../domain/sessions'
import { listApplications, retrieveApplication, submitApplication, volunteerApplication, withdrawApplication } from '../domain/applications'
import { requestTransfer, retrieveTransfer } from '../domain/transfers'
import { listServices } from '../domain/services'
import { listConsentTexts } from '../domain/consent-texts'
import { retrieveConsents, withdrawConsent } from '../domain/consent-withdrawal'
import { listRegions, matchForSession } from '../domain/organisations'
import { type Caller, type RegistryContext } from '../domain/context'
import { retrieveMembership } from '../domain/membership'
import { membershipTransferOptions, requestMembershipTransfer, updateMembershipProfile } from '../domain/membership-actions'
import { cancelLeave, requestLeave } from '../domain/leave-requests'
import { respondToApplication } from '../domain/respond'
import { createUpload } from '../domain/uploads'
import { verifyCardPayload } from '../domain/card-verification'
import { withInformationRequest, withSessionMode } from '../domain/driver-views'
import { authenticate } from './auth'
import { fingerprintOf, registryIdempotency } from './idempotency'

function handlers(ctx: RegistryContext): Handlers<Caller> {
  return {
    health: () => ({ status: 'ok', api_version: API_VERSION, time: toChinaTime(ctx.now()) }),
    createJoinSession: ({ caller, body }) => createSession(ctx, caller, body),
    retrieveJoinSession: async ({ caller, id }) => withSessionMode(ctx, caller, await retrieveSession(ctx, caller, id)),
    refreshJoinSession: ({ caller, id }) => refreshSession(ctx, caller, id),
    submitApplication: ({ caller, body, locale }) => submitApplication(ctx, caller, body, locale),
    retrieveApplication: async ({ caller, id }) => withInformationRequest(ctx, caller, await retrieveApplication(ctx, caller, id)),
    listApplications: ({ caller, query }) => listApplications(ctx, caller, query),
    withdrawApplication: ({ caller, id }) => withdrawApplication(ctx, caller, id),
    volunteerApplication: ({ caller, id, body }) => volunteerApplication(ctx, caller, id, body),
    requestTransfer: ({ caller, body }) => requestTransfer(ctx, caller, body),
    retrieveTransfer: ({ caller, id }) => retrieveTransfer(ctx, caller, id),
    matchOrganisations: ({ caller, body, locale }) => matchForSession(ctx, caller, body, locale),
    searchOrganisations: ({ query }) => searchOrganisations(ctx.directory(), query),
    listMemberServices: ({ query }) => listServices(ctx, query),
    listRegions: ({ query }) => listRegions(ctx, query),
    listParks: ({ query }) => listParks(ctx.directory(), query),
    // Issue #16: the member centre, the review loop (driver side), uploads, card checks.
    retrieveMembership: ({ caller }) => retrieveMembership(ctx, caller),
    updateMembershipProfile: ({ caller, body, locale }) => updateMembershipProfile(ctx, caller, body, locale),
    membershipTransferOptions: ({ caller, body, locale }) => membershipTransferOptions(ctx, caller, body, locale),
    requestMembershipTransfer: ({ caller, body }) => requestMembershipTransfer(ctx, caller, body),
    requestLeave: ({ caller, body }) => requestLeave(ctx, caller, body),
    cancelLeave: ({ caller }) => cancelLeave(ctx, caller),
    respondToApplication: ({ caller, id, body, locale }) => respondToApplication(ctx, caller, id, body, locale),
    createUpload: ({ caller, body }) => createUpload(ctx, caller, body),
    verifyCard: ({ query }) => verifyCardPayload(ctx, query.payload),
    listConsentTexts: () => listConsentTexts(ctx),
    retrieveConsents: ({ caller }) => retrieveConsents(ctx, caller),
    withdrawConsent: ({ caller, body }) => withdrawConsent(ctx, caller, body),
  }
}

type Vars = { Variables: { requestId: string; caller: Caller } }

export function mountPublicApi(app: Hono<Vars>, ctx: RegistryContext) {
  const api = createApiServer<Caller>({
    handlers: handlers(ctx),
    authenticate: (header) => authenticate(ctx, header ?? undefined),
    idempotency: registryIdempotency(ctx),
    requestId: () => 'unused', // the request-id middleware names every request first
    maxBodyBytes: ctx.config.maxBodyBytes,
    fingerprint: fingerprintOf,
    onUnexpected: (err, requestId) => {
      const e = err instanceof Error ? err : new Error(String(err))
      ctx.log.error({ request_id: requestId, err: { name: e.name, message: e.message, stack: e.stack } }, 'unexpected error')
    },
  })
  for (const [name, route] of Object.entries(ROUTES) as Array<[RouteName, Route]>) {
    app.on(route.method, route.path.replace('{id}', ':id'), async (c: Context<Vars>) => {
      const reply = await api.serve(
        { name, route, id: c.req.param('id') ?? '' },
        { method: c.req.method, path: c.req.path, query: c.req.query(), header: (n) => c.req.header(n), text: () => c.req.text() },
        { caller: c.get('caller'), requestId: c.get('requestId') },
      )
      return c.body(reply.body, reply.status as 200, reply.headers)
    })
  }
}
