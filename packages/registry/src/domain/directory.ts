/** The organisation directory: stored in `orgs`, indexed in memory by @ruhui/core/matching. */
import { type Directory, type DirectoryFile, type LogisticsPark, type UnionOrg, checkDirectory, createDirectory } from '@ruhui/core/matching'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

/** Replace the stored directory after validating every entry; throws the ValidationError's issues. */
export async function seedDirectory(db: Kysely<Database>, input: DirectoryFile | UnionOrg[]): Promise<number> {
  const checked = checkDirectory(input)
  if (!checked.ok) {
    const first = checked.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.code}`).join('; ')
    throw new Error(`the directory has ${checked.issues.length} problem(s): ${first}`)
  }
  const orgs = checked.value.orgs
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('orgs').execute()
    for (let i = 0; i < orgs.length; i += 200) {
      await trx
        .insertInto('orgs')
        .values(orgs.slice(i, i + 200).map((o) => ({ id: o.id, parent_id: o.parentId ?? null, name: o.name, type: o.type, region_code: o.regionCode, data: JSON.stringify(o) })))
        .execute()
    }
    // The parks travel beside the organisations (the park tier and the flow's park question use them).
    await trx.deleteFrom('settings').where('key', '=', 'directory_parks').execute()
    await trx.insertInto('settings').values({ key: 'directory_parks', value: JSON.stringify(checked.value.parks) }).execute()
    // Every registry process compares this with the version it loaded and reloads when it changed.
    const version = `${Date.now()}-${orgs.length}`
    await trx.deleteFrom('settings').where('key', '=', 'directory_version').execute()
    await trx.insertInto('settings').values({ key: 'directory_version', value: version }).execute()
  })
  return orgs.length
}

/** Build the matching indexes from the stored rows (validated when they were seeded). */
export async function loadDirectory(db: Kysely<Database>): Promise<Directory> {
  const rows = await db.selectFrom('orgs').select('data').orderBy('id').execute()
  const parks = (await db.selectFrom('settings').select('value').where('key', '=', 'directory_parks').executeTakeFirst())?.value
  return createDirectory(
    rows.map((r) => JSON.parse(r.data) as UnionOrg),
    { trusted: true, parks: parks ? (JSON.parse(parks) as LogisticsPark[]) : [] },
  )
}

/** An organisation and everything under it (a reviewer's scope). */
export function subtree(directory: Directory, rootId: string): Set<string> {
  const children = new Map<string, string[]>()
  for (const o of directory.orgs) if (o.parentId) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id])
  const out = new Set<string>([rootId])
  const stack = [rootId]
  while (stack.length) for (const c of children.get(stack.pop() as string) ?? []) if (!out.has(c)) (out.add(c), stack.push(c))
  return out
}

export async function directoryVersion(db: Kysely<Database>): Promise<string> {
  return (await db.selectFrom('settings').select('value').where('key', '=', 'directory_version').executeTakeFirst())?.value ?? 'none'
}
