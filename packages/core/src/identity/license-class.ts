/**
 * Driving-licence classes 准驾车型 (公安部令第162号, in force 2022-04-01), DOMAIN.md §3.2:
 * which classes a licence covers and which trucks they may drive.
 */
import { type Check, type Issue, fail, issue, ok } from '../issues'
import { unwrapCheck } from '../errors'
import { guardString } from './normalize'

export type LicenseClass =
  | 'A1' | 'A2' | 'A3' | 'B1' | 'B2' | 'C1' | 'C2' | 'C3' | 'C4' | 'C5' | 'C6'
  | 'D' | 'E' | 'F' | 'M' | 'N' | 'P'

/** Truck categories by the licence they need. */
export type TruckCategory =
  | 'tractor_trailer' // 重型牵引挂车, combinations > 4,500 kg — A2
  | 'heavy_medium_truck' // 大型货车 — B2 (and A2)
  | 'light_truck' // light and mini trucks — C1 (automatic: C2)
  | 'light_trailer' // 轻型牵引挂车 < 4,500 kg — C6
  | 'low_speed_truck' // 低速载货汽车 — C3
  | 'three_wheeler' // 三轮汽车 — C4

export interface License {
  /** The classes printed on the licence, in order, e.g. ['A2', 'D']. */
  classes: LicenseClass[]
  /** Every class the licence permits, the printed ones and those they include. */
  permits: LicenseClass[]
  /** Truck categories the licence allows, heaviest first. */
  trucks: TruckCategory[]
}

export interface LicenseClassOptions {
  /** The driver's age, for the consistency warnings of DOMAIN.md §3.2. */
  age?: number
  /** Age from which A1/A2/A3/B1/B2 may no longer be driven (Art. 65); @default 60 */
  heavyClassAgeCap?: number
}

const INCLUDES: Record<LicenseClass, LicenseClass[]> = {
  A1: ['A3', 'B1', 'B2', 'C1', 'C2', 'C3', 'C4', 'M'],
  A2: ['B1', 'B2', 'C1', 'C2', 'C3', 'C4', 'C6', 'M'],
  A3: ['C1', 'C2', 'C3', 'C4'],
  B1: ['C1', 'C2', 'C3', 'C4', 'M'],
  B2: ['C1', 'C2', 'C3', 'C4', 'M'],
  C1: ['C2', 'C3', 'C4'],
  C2: [],
  C3: ['C4'],
  C4: [],
  C5: [],
  C6: [],
  D: ['E', 'F'],
  E: ['F'],
  F: [],
  M: [],
  N: [],
  P: [],
}
const ORDER = Object.keys(INCLUDES) as LicenseClass[]
const TRUCKS: Array<[TruckCategory, LicenseClass[]]> = [
  ['tractor_trailer', ['A2']],
  ['heavy_medium_truck', ['B2']],
  ['light_truck', ['C1', 'C2']],
  ['light_trailer', ['C6']],
  ['low_speed_truck', ['C3']],
  ['three_wheeler', ['C4']],
]
const HEAVY = new Set<LicenseClass>(['A1', 'A2', 'A3', 'B1', 'B2'])
const TOKEN = /A[123]|B[12]|C[1-6]|[DEFMNP]/y

/** Check the class field of a licence ('A2', 'B2E', 'a2 d', 'Ａ２'). */
export function checkLicenseClass(input: unknown, options: LicenseClassOptions = {}): Check<License> {
  const guard = guardString(input, 40)
  if (guard !== undefined) return fail([issue(guard)])
  const s = (input as string).normalize('NFKC').replace(/[\s,，、/+]/gu, '').toUpperCase()
  const classes: LicenseClass[] = []
  TOKEN.lastIndex = 0
  while (TOKEN.lastIndex < s.length) {
    const at = TOKEN.lastIndex
    const m = TOKEN.exec(s)
    if (m === null) return fail([issue('unknown_license_class', { at: at + 1 })])
    const c = m[0] as LicenseClass
    if (!classes.includes(c)) classes.push(c)
  }
  if (classes.length === 0) return fail([issue('required')])
  const permitted = new Set<LicenseClass>()
  for (const c of classes) {
    permitted.add(c)
    for (const p of INCLUDES[c]) permitted.add(p)
  }
  const permits = ORDER.filter((c) => permitted.has(c))
  const trucks = TRUCKS.filter(([, need]) => need.some((c) => permitted.has(c))).map(([t]) => t)

  const warnings: Issue[] = []
  const { age } = options
  if (age !== undefined && Number.isFinite(age)) {
    const minAge = classes.includes('A2') ? 19 : classes.includes('B2') ? 20 : undefined
    if (minAge !== undefined && age < minAge) warnings.push(issue('license_age_inconsistent', { minAge }))
    const cap = options.heavyClassAgeCap ?? 60
    if (age >= cap && classes.some((c) => HEAVY.has(c))) warnings.push(issue('license_age_cap', { cap }))
  }
  return ok({ classes, permits, trucks }, warnings)
}

export function isLicenseClass(input: unknown): boolean {
  return checkLicenseClass(input).ok
}

export function assertLicenseClass(input: unknown, options?: LicenseClassOptions): License {
  return unwrapCheck(checkLicenseClass(input, options))
}
