/**
 * The outbox: a submission frozen with its idempotency key, so that however often it is sent
 * (a retry, the network back, the app in the foreground, a restart) the registry sees one request.
 */
import type { JoinTokenClient } from '../client/create-registry-client'
import type { Application, ApplicationSubmit } from '../contract/applications'

export interface Outbox {
  idempotencyKey: string
  body: ApplicationSubmit
}

export const sameBody = (a: ApplicationSubmit, b: ApplicationSubmit): boolean => JSON.stringify(a) === JSON.stringify(b)

/** The same submission keeps its key (sending it again is a replay); a changed one is a new request with `key`. */
export function keepOrReplace(current: Outbox | null, body: ApplicationSubmit, key: string): Outbox {
  return current && sameBody(current.body, body) ? current : { idempotencyKey: key, body }
}

/** As written to storage: without the ID number unless the storage is private. */
export function forStorage(o: Outbox, isPrivate: boolean): Outbox {
  return isPrivate ? o : { ...o, body: { ...o.body, applicant: { ...o.body.applicant, id_number: '' } } }
}

/** Sends outbox entries; an entry already on its way is joined, never sent a second time. */
export function createSender(client: JoinTokenClient) {
  let inflight: { key: string; done: Promise<Application> } | null = null
  return {
    /** `first`: what must be done before sending (the draft holding the key is written). */
    send(o: Outbox, first: () => Promise<void> = () => Promise.resolve()): Promise<Application> {
      if (inflight?.key === o.idempotencyKey) return inflight.done
      const done = first().then(() => client.applications.submit(o.body, { idempotencyKey: o.idempotencyKey }))
      const mine = { key: o.idempotencyKey, done }
      inflight = mine
      const clear = () => {
        if (inflight === mine) inflight = null
      }
      done.then(clear, clear)
      return done
    },
    /** The send on its way (to wait for), or null. */
    current: (): Promise<unknown> | null => inflight && inflight.done.catch(() => undefined),
  }
}
