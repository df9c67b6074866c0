import { API_VERSION, type Application, type EventType, type RegistryEvent, type Transfer, platformTransferView } from '@ruhui/core/contract'
import { nextId, nowIso } from './http-kit'
import type { SandboxState } from './state'
import { platformView } from './resources/consents'

export function emit(state: SandboxState, type: EventType, object: Application | Transfer): void {
  // An application's event carries the platform's view (status, not membership), issue #13.
  let data: RegistryEvent['data']['object']
  if (object.object === 'application') {
    const record = state.applications.get(object.id)
    if (!record) throw new Error(`sandbox: an event for an application not kept: ${object.id}`)
    data = platformView(state, record)
  } else data = platformTransferView(object)
  state.events.push({ id: nextId(state, 'evt'), object: 'event', type, api_version: API_VERSION, created_at: nowIso(state), data: { object: structuredClone(data) } })
}
