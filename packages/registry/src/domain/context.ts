import type { Kysely } from 'kysely'
import type { Locale } from '@ruhui/core'
import type { Directory } from '@ruhui/core/matching'
import type { RegistryConfig } from '../config'
import type { KeyRing } from '../crypto/keys'
import type { Database } from '../db/schema'
import type { WriteQueue } from '../db/write-queue'
import type { Logger } from '../logging'

export interface RegistryContext {
  db: Kysely<Database>
  dialect: 'sqlite' | 'postgres'
  writer: WriteQueue
  keys: KeyRing
  config: RegistryConfig
  log: Logger
  now: () => number
  directory(): Directory
  /** Re-read the directory now (after the console changed it); other processes follow within a poll. */
  reloadDirectory?(): Promise<void>
}

/** Who is calling, after authentication. */
export type Caller =
  | { kind: 'secret_key'; id: string; platformId: string }
  | { kind: 'join_token'; id: string; platformId: string; sessionId: string; locale: Locale; /** The platform enterprise's registered credit code (matching's tier 2). */ platformUscc: string | null }
  | { kind: 'reviewer'; id: string; reviewerId: string; orgId: string; role: 'reviewer' | 'admin' }
  /** A transport department or industry association receiving shared data (read-only). */
  | { kind: 'partner'; id: string; partnerId: string }
  | { kind: 'none'; id: 'anonymous' }

/** A refusal the API answers with its error shape (never a 500): the one class of @ruhui/core/server. */
export { Refusal } from '@ruhui/core/server'

export const iso = (ms: number) => new Date(ms).toISOString()
