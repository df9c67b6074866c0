/**
 * A driver's home place in words for the console's lists (issue #18): '安徽省 合肥市 肥西县 三河镇', never
 * a code. The names come with the console (@ruhui/core's region and township tables), loaded on first
 * use in their own chunk so that the sign-in page does not carry them.
 */
import { useEffect, useState } from 'react'

type Tables = { lookupRegion: typeof import('@ruhui/core/regions').lookupRegion; townshipsOf: typeof import('@ruhui/core/townships').townshipsOf }
let loading: Promise<Tables> | null = null
let loaded: Tables | null = null
const load = () => (loading ??= Promise.all([import('@ruhui/core/regions'), import('@ruhui/core/townships')]).then(([r, t]) => (loaded = { lookupRegion: r.lookupRegion, townshipsOf: t.townshipsOf })))

export function placeWords(t: Tables, county: string, township?: string | null): string {
  const c = t.lookupRegion(county)?.fullName ?? county
  const name = township ? t.townshipsOf(county).find((x) => x.code === township)?.name : undefined
  return name ? `${c} ${name}` : c
}

/** `(county, township?) → words`; '…' for the moment the tables take to arrive. */
export function usePlaceWords(): (county: string, township?: string | null) => string {
  const [tables, setTables] = useState<Tables | null>(loaded)
  useEffect(() => {
    if (!tables) void load().then(setTables)
  }, [tables])
  return (county, township) => (tables ? placeWords(tables, county, township) : '…')
}
