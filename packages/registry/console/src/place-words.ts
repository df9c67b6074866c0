/**
 * A driver's home place in words for the console's lists (issue #18): '安徽省 合肥市 肥西县 三河镇', never
 * a code. The names come with the console (@ruhui/core's region and township tables), no request needed.
 */
import { lookupRegion } from '@ruhui/core/regions'
import { townshipsOf } from '@ruhui/core/townships'

export function placeWords(county: string, township?: string | null): string {
  const c = lookupRegion(county)?.fullName ?? county
  const t = township ? townshipsOf(county).find((x) => x.code === township)?.name : undefined
  return t ? `${c} ${t}` : c
}
