import { API_VERSION, type Application, type EventType, type Transfer } from '@ruhui/core/contract'
import { nextId, nowIso } from './http-kit'
import type { SandboxState } from './state'

export function emit(state: SandboxState, type: EventType, object: Application | Transfer): void {
  state.events.push({ id: nextId(state, 'evt'), object: 'event', type, api_version: API_VERSION, created_at: nowIso(state), data: { object: structuredClone(object) } })
}
