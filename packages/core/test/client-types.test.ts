// The client's calls are typed from ROUTES: a call's result is z.infer of its route's response and its
// parameters z.input of its body; the two credentials' clients stay different types.
import { expectTypeOf, it } from 'vitest'
import type * as z from 'zod/mini'
import type { JoinTokenClient, SecretKeyClient } from '@ruhui/core/client'
import type { application, applicationSubmit, joinSession, joinSessionCreate, organisationMatch, regionList, transfer } from '@ruhui/core/contract'
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
