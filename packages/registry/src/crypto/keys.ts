/**
 * Key material: field-encryption keys (with ids, so they can rotate), the person-key HMAC
 * secret and the e-card signing key. From configuration (env) or, for a local SQLite
 * registry, a keys file created once in the data directory (mode 0600).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type KeyObject, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto'

export interface KeyRing {
  /** kid → 32-byte key; `currentKid` encrypts, every kid decrypts. */
  dataKeys: Map<string, Buffer>
  currentKid: string
  personKeySecret: Buffer
  cardPrivateKey: KeyObject
  cardPublicKeyPem: string
}

interface KeyFile {
  dataKeys: Record<string, string>
  currentKid: string
  personKeySecret: string
  cardPrivateKeyPem: string
}

function fromFile(k: KeyFile): KeyRing {
  const cardPrivateKey = createPrivateKey(k.cardPrivateKeyPem)
  return {
    dataKeys: new Map(Object.entries(k.dataKeys).map(([kid, b64]) => [kid, Buffer.from(b64, 'base64')])),
    currentKid: k.currentKid,
    personKeySecret: Buffer.from(k.personKeySecret, 'base64'),
    cardPrivateKey,
    cardPublicKeyPem: createPublicKey(cardPrivateKey).export({ type: 'spki', format: 'pem' }).toString(),
  }
}

function generate(): KeyFile {
  const { privateKey } = generateKeyPairSync('ed25519')
  return {
    dataKeys: { k1: randomBytes(32).toString('base64') },
    currentKid: 'k1',
    personKeySecret: randomBytes(32).toString('base64'),
    cardPrivateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  }
}

/**
 * RUHUI_DATA_KEYS="k2:<base64>,k1:<base64>" (first encrypts), RUHUI_PERSON_KEY_SECRET=<base64>,
 * RUHUI_CARD_SIGNING_KEY=<PEM>. Without them, a keys file in the data directory.
 */
export function loadKeys(env: NodeJS.ProcessEnv, dataDir: string, allowKeyFile: boolean): KeyRing {
  if (env.RUHUI_DATA_KEYS && env.RUHUI_PERSON_KEY_SECRET && env.RUHUI_CARD_SIGNING_KEY) {
    const pairs = env.RUHUI_DATA_KEYS.split(',').map((p) => p.trim().split(':') as [string, string])
    for (const [kid, b64] of pairs) if (!kid || Buffer.from(b64 ?? '', 'base64').length !== 32) throw new Error(`RUHUI_DATA_KEYS: key "${kid}" must be 32 bytes of base64`)
    return fromFile({ dataKeys: Object.fromEntries(pairs), currentKid: pairs[0]?.[0] as string, personKeySecret: env.RUHUI_PERSON_KEY_SECRET, cardPrivateKeyPem: env.RUHUI_CARD_SIGNING_KEY.replace(/\\n/g, '\n') })
  }
  if (!allowKeyFile) throw new Error('PostgreSQL deployments need RUHUI_DATA_KEYS, RUHUI_PERSON_KEY_SECRET and RUHUI_CARD_SIGNING_KEY: every registry process must share them')
  const file = join(dataDir, 'keys.json')
  if (!existsSync(file)) writeFileSync(file, JSON.stringify(generate(), null, 2), { mode: 0o600 })
  return fromFile(JSON.parse(readFileSync(file, 'utf8')) as KeyFile)
}

/** Keys for tests and for printing to configure a PostgreSQL deployment. */
export function generateKeyEnv(): Record<string, string> {
  const k = generate()
  return { RUHUI_DATA_KEYS: `k1:${k.dataKeys.k1}`, RUHUI_PERSON_KEY_SECRET: k.personKeySecret, RUHUI_CARD_SIGNING_KEY: k.cardPrivateKeyPem.replace(/\n/g, '\\n') }
}
