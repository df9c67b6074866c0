// The client's calls are typed from ROUTES: a call's result is z.infer of its route's response and its
// parameters z.input of its body; the two credentials' clients stay different types.
import { expectTypeOf, it } from 'vitest'
import type * as z from 'zod/mini'
import type { JoinTokenClient, SecretKeyClient } from '@ruhui/core/client'
import type { application, applicationResponse, applicationSubmit, cardVerification, joinSession, joinSessionCreate, membership, memberTransferRequest, organisationMatch, regionList, transfer, upload, uploadCreate } from '@ruhui/core/contract'
import { ROUTES } from '@ruhui/core/contract'

it('results and parameters come from the route', () => {
  expectTypeOf<Awaited<ReturnType<JoinTokenClient['applications']['submit']>>>().toEqualTypeOf<z.infer<typeof application>>()
  expectTypeOf<Parameters<JoinTokenClient['applications']['submit']>[0]>().toEqualTypeOf<z.input<typeof applicationSubmit>>()
  expectTypeOf<Awaited<ReturnType<SecretKeyClient['joinSessions']['create']>>>().toEqualTypeOf<z.infer<typeof joinSession>>()
  expectTypeOf<Parameters<SecretKeyClient['joinSessions']['create']>[0]>().toEqualTypeOf<z.input<typeof joinSessionCreate>>()
  expectTypeOf<Awaited<ReturnType<JoinTokenClient['organisations']['match']>>>().toEqualTypeOf<z.infer<typeof organisationMatch>>()
  expectTypeOf<Awaited<ReturnType<JoinTokenClient['transfers']['request']>>>().toEqualTypeOf<z.infer<typeof transfer>>()
  expectTypeOf<Awaited<ReturnType<SecretKeyClient['regions']['list']>>>().toEqualTypeOf<z.infer<typeof regionList>>()
  expectTypeOf<Awaited<ReturnType<SecretKeyClient['applications']['list']>>>().toEqualTypeOf<z.infer<(typeof ROUTES)['listApplications']['response']>>()
  // A platform backend cannot submit, a driver's app cannot mint sessions.
  expectTypeOf<SecretKeyClient>().not.toHaveProperty('setJoinToken')
  expectTypeOf<JoinTokenClient['joinSessions']>().not.toHaveProperty('create')
})

it('issue #16: the member centre, the review loop and uploads are the driver’s; anyone may check a card', () => {
  expectTypeOf<Awaited<ReturnType<JoinTokenClient['membership']['retrieve']>>>().toEqualTypeOf<z.infer<typeof membership>>()
  expectTypeOf<Parameters<JoinTokenClient['membership']['transfer']>[0]>().toEqualTypeOf<z.input<typeof memberTransferRequest>>()
  expectTypeOf<Awaited<ReturnType<JoinTokenClient['membership']['transfer']>>>().toEqualTypeOf<z.infer<typeof transfer>>()
  expectTypeOf<Parameters<JoinTokenClient['applications']['respond']>[1]>().toEqualTypeOf<z.input<typeof applicationResponse>>()
  expectTypeOf<Parameters<JoinTokenClient['uploads']['create']>[0]>().toEqualTypeOf<z.input<typeof uploadCreate>>()
  expectTypeOf<Awaited<ReturnType<JoinTokenClient['uploads']['create']>>>().toEqualTypeOf<z.infer<typeof upload>>()
  expectTypeOf<Awaited<ReturnType<SecretKeyClient['cards']['verify']>>>().toEqualTypeOf<z.infer<typeof cardVerification>>()
  expectTypeOf<Awaited<ReturnType<JoinTokenClient['cards']['verify']>>>().toEqualTypeOf<z.infer<typeof cardVerification>>()
  // A platform's backend reads no membership and sends no photo.
  expectTypeOf<SecretKeyClient>().not.toHaveProperty('membership')
  expectTypeOf<SecretKeyClient>().not.toHaveProperty('uploads')
  expectTypeOf<SecretKeyClient['applications']>().not.toHaveProperty('respond')
})
