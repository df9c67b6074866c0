/** Short display names for reasons: '南京市江宁区', '南京市', '江苏省' (cached; the table is large). */
import { lookupRegion } from '../regions/region-table'

const cache = new Map<string, string>()

export function regionDisplayName(code: string): string {
  let name = cache.get(code)
  if (name === undefined) {
    name = compute(code)
    if (cache.size > 20_000) cache.clear()
    cache.set(code, name)
  }
  return name
}

function compute(code: string): string {
  const six = code.length >= 6 ? code.slice(0, 6) : code.padEnd(6, '0')
  const r = lookupRegion(six)
  if (r === undefined) return code
  if (code.length === 2) return r.province
  if (code.length === 4) return r.city ?? r.province
  return `${r.city ?? r.province}${r.county ?? ''}`
}
