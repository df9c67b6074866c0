/**
 * GB/T 2260 region codes: current divisions (NBS 2023) plus historical codes
 * (GB/T 2260 revisions 2002–2016). Kept behind `@ruhui/core/regions` so the
 * main entry stays small. The table is parsed on first use.
 */
import { REGION_DATA, REGION_SOURCES } from './region-table.generated'

export type RegionLevel = 'province' | 'prefecture' | 'county' | 'township'

export interface RegionName {
  name: string
  /** First and last GB/T 2260 revision ('YYYY-MM') in the table that carry this name. */
  from: string
  to: string
}

export interface RegionInfo {
  code: string
  level: RegionLevel
  /** This code's own name, e.g. '清浦区'. */
  name: string
  province: string
  /** Prefecture name; absent for municipalities' placeholder levels (市辖区) and province-administered counties. */
  city?: string
  county?: string
  /** e.g. '江苏省 淮安市 清浦区（已撤销）' */
  fullName: string
  /** In the current (2023) divisions. */
  current: boolean
  /** 'NBS' for statistical codes that are not GB/T 2260 codes (development zones, PPCC7x). */
  source: 'GB2260' | 'NBS'
  /** For historical codes: first and last revision in the table ('YYYY-MM'); `validTo` absent while still listed. */
  validFrom?: string
  validTo?: string
  /** Earlier names of this code within the table's revisions, newest first. */
  formerNames: RegionName[]
}

interface Row {
  name: string
  current: boolean
  nbs: boolean
  from?: string
  to?: string
  former: RegionName[]
}

let rows: Map<string, Row> | undefined
// One bit per 6-digit code (125 KB): has() on a number, no string hashing (checkIdCard's hot path).
let bits: Uint8Array | undefined

const rev = (r: string): string => (r === '' ? '' : `${r.slice(0, 4)}-${r.slice(4)}`)

function parse(): Map<string, Row> {
  const map = new Map<string, Row>()
  let prov = ''
  let city = ''
  for (const line of REGION_DATA.split('\n')) {
    let code: string
    let rest: string
    if (line[0] === 'P') {
      prov = line.slice(1, 3)
      city = '00'
      code = `${prov}0000`
      rest = line.slice(3)
    } else if (line[0] === 'C') {
      city = line.slice(1, 3)
      code = `${prov}${city}00`
      rest = line.slice(3)
      if (rest === '') continue // a prefecture marker without a record of its own
    } else {
      code = `${prov}${city}${line.slice(0, 2)}`
      rest = line.slice(2)
    }
    const [head = '', ...former] = rest.split(';')
    const m = /^([^^~]*)(?:\^(\d{6})-(\d{6})?)?(~)?$/.exec(head)
    if (m === null) continue
    const row: Row = {
      name: m[1] as string,
      current: m[2] === undefined,
      nbs: m[4] === '~',
      former: former.map((f) => {
        const [name = '', span = ''] = f.split('@')
        const [from = '', to = ''] = span.split('-')
        return { name, from: rev(from), to: rev(to) }
      }),
    }
    if (m[2] !== undefined) row.from = rev(m[2])
    if (m[3] !== undefined) row.to = rev(m[3])
    map.set(code, row)
  }
  return map
}

function table(): Map<string, Row> {
  return (rows ??= parse())
}

function bitmap(): Uint8Array {
  if (bits === undefined) {
    const b = new Uint8Array(125_000)
    for (const code of table().keys()) {
      const n = +code
      b[n >> 3] = (b[n >> 3] as number) | (1 << (n & 7))
    }
    bits = b
  }
  return bits
}

function codeNumber(code: string): number {
  if (typeof code !== 'string' || code.length !== 6) return -1
  let n = 0
  for (let i = 0; i < 6; i++) {
    const c = code.charCodeAt(i) - 48
    if (c < 0 || c > 9) return -1
    n = n * 10 + c
  }
  return n
}

// Placeholder prefecture names that are not shown in a full name.
const HIDDEN_CITY = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'])

/** Look up a 6-digit region code. Returns undefined when the code is in neither source. */
export function lookupRegion(code: string): RegionInfo | undefined {
  if (typeof code !== 'string' || !/^\d{6}$/.test(code)) return undefined
  const t = table()
  const row = t.get(code)
  if (row === undefined) return undefined
  const level: RegionLevel = code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'prefecture' : 'county'
  const province = t.get(`${code.slice(0, 2)}0000`)?.name ?? ''
  const cityRow = level === 'province' ? undefined : t.get(`${code.slice(0, 4)}00`)
  const city = cityRow && !HIDDEN_CITY.has(cityRow.name) ? cityRow.name : undefined
  const info: RegionInfo = {
    code,
    level,
    name: row.name,
    province,
    fullName: '',
    current: row.current,
    source: row.nbs ? 'NBS' : 'GB2260',
    formerNames: row.former,
  }
  if (city !== undefined) info.city = city
  if (level === 'county') info.county = row.name
  if (row.from !== undefined) info.validFrom = row.from
  if (row.to !== undefined) info.validTo = row.to
  // For a prefecture, `city` is its own name.
  const parts = [province, city, level === 'county' ? row.name : undefined].filter((p): p is string => !!p)
  info.fullName = parts.join(' ') + (row.current ? '' : '（已撤销）')
  return info
}

/** Every region code in the table (current and historical), e.g. for `checkIdCard(s, { regions: regionTable })`. */
export const regionTable = {
  has(code: string): boolean {
    const n = codeNumber(code)
    return n >= 0 && (((bitmap()[n >> 3] as number) >> (n & 7)) & 1) === 1
  },
  get size(): number {
    return table().size
  },
  /** Current county-level codes under a 2- or 4-digit prefix, sorted. */
  counties(prefix = ''): string[] {
    const out: string[] = []
    for (const [code, row] of table()) {
      if (row.current && !code.endsWith('00') && code.startsWith(prefix)) out.push(code)
    }
    return out.sort()
  },
  sources: REGION_SOURCES,
}

export interface RegionChoice {
  code: string
  name: string
  level: RegionLevel
}

/**
 * The current divisions directly under a province (2 digits: its prefectures, and counties the
 * province administers itself) or a prefecture (4 digits: its counties), sorted by code — for a
 * picker, so that a driver never has to know a code.
 */
export function childRegions(parent: string): RegionChoice[] {
  if (typeof parent !== 'string' || !/^\d{2}(?:\d{2})?$/.test(parent)) return []
  const out: RegionChoice[] = []
  const t = table()
  for (const [code, row] of t) {
    if (!row.current || !code.startsWith(parent) || code.endsWith('0000')) continue
    if (parent.length === 4) {
      if (!code.endsWith('00')) out.push({ code, name: row.name, level: 'county' })
    } else if (code.endsWith('00')) {
      if (!HIDDEN_CITY.has(row.name)) out.push({ code, name: row.name, level: 'prefecture' })
    } else if (!t.get(`${code.slice(0, 4)}00`)?.current || HIDDEN_CITY.has(t.get(`${code.slice(0, 4)}00`)?.name ?? '')) {
      out.push({ code, name: row.name, level: 'county' })
    }
  }
  return out.sort((a, b) => (a.code < b.code ? -1 : 1))
}

/**
 * What the home-county picker lists: with no parent, the pilot's provinces (given as 2-digit
 * prefixes); else `childRegions(parent)`. One rule for the registry and the sandbox.
 */
export function regionChoices(parent: string | undefined, pilotProvinces: readonly string[]): RegionChoice[] {
  if (parent === undefined) {
    return [...new Set(pilotProvinces.map((p) => p.slice(0, 2)))]
      .sort()
      .flatMap((p) => {
        const row = table().get(`${p}0000`)
        return row ? [{ code: `${p}0000`, name: row.name, level: 'province' as const }] : []
      })
  }
  return childRegions(parent)
}
