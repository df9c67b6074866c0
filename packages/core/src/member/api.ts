/**
 * What the member centre asks of the registry, as a port: `memberApiOf(client)` fills it from a
 * join-token client (GET /v1/me/membership and its actions, the services, the review loop's
 * uploads and answer); tests may fill it themselves.
 */
import type { JoinTokenClient } from '../client/create-registry-client'
import type { Application } from '../contract/applications'
import type { ApplicationResponse } from '../contract/information-requests'
import type { MemberService } from '../contract/member-services'
import type { LeaveRequestCreate, MemberTransferRequest, Membership, MembershipProfileUpdate, TransferOptionsRequest } from '../contract/membership'
import type { OrganisationMatch } from '../contract/organisations'
import type { Region } from '../contract/regions'
import type { Transfer } from '../contract/transfers'
import type { Upload, UploadCreate } from '../contract/uploads'

export type { Membership }

export interface MemberApi {
  /** The driver's membership; `status: null` when not a member (an application may be open). */
  membership(): Promise<Membership>
  services(query: { region?: string }): Promise<MemberService[]>
  /** Places by name, pinyin initials or code (the pilot provinces' type-ahead), for choosing a county in words. */
  places(query: string): Promise<Region[]>
  /** The unions that would take the membership at a new base. */
  transferOptions(body: TransferOptionsRequest): Promise<OrganisationMatch>
  transfer(body: MemberTransferRequest, key: string): Promise<Transfer>
  leave(body: LeaveRequestCreate, key: string): Promise<Membership>
  cancelLeave(key: string): Promise<Membership>
  updateProfile(body: MembershipProfileUpdate, key: string): Promise<Membership>
  upload(body: UploadCreate, key: string): Promise<Upload>
  respond(applicationId: string, body: ApplicationResponse, key: string): Promise<Application>
}

/** The port on a join-token client (its retries, idempotency keys and token refresh included). */
export function memberApiOf(client: JoinTokenClient): MemberApi {
  return {
    membership: () => client.membership.retrieve(),
    services: (q) => client.memberServices.list({ ...(q.region ? { region: q.region } : {}), membership: 'member' }).then((l) => l.data),
    places: (q) => client.regions.list({ q }).then((l) => l.data),
    transferOptions: (body) => client.membership.transferOptions(body),
    transfer: (body, key) => client.membership.transfer(body, { idempotencyKey: key }),
    leave: (body, key) => client.membership.leave(body, { idempotencyKey: key }),
    cancelLeave: (key) => client.membership.cancelLeave({ idempotencyKey: key }),
    updateProfile: (body, key) => client.membership.updateProfile(body, { idempotencyKey: key }),
    upload: (body, key) => client.uploads.create(body, { idempotencyKey: key }),
    respond: (id, body, key) => client.applications.respond(id, body, { idempotencyKey: key }),
  }
}
