/** Regions for the driver's home-region picker: the pilot's provinces, a province's prefectures, a prefecture's counties, a county's townships, and the type-ahead over them. */
import * as z from 'zod/mini'
import { REGION_LEVELS } from '../enums'
import { listOf } from './common'

export const regionListQuery = z.object({
  /**
   * Absent: the pilot's provinces; 2 digits: a province's prefectures (and the counties it
   * administers); 4 digits: a prefecture's counties; 6 digits: a county's townships (9-digit codes;
   * none outside the pilot provinces).
   */
  parent: z.optional(z.string().check(z.regex(/^\d{2}(?:\d{2}(?:\d{2})?)?$/))),
  /**
   * Type-ahead under `parent` (a province's prefectures and counties, a prefecture's counties, a
   * county's townships; without `parent`, the pilot provinces'): part of a name ('合肥'), the pinyin
   * initials of a prefecture or county ('hf' → 合肥市, 'fx' → 肥西县) or the start of a code. At most 50,
   * each with `full_name`.
   */
  q: z.optional(z.string().check(z.minLength(1), z.maxLength(20))),
})

export const region = z.object({
  code: z.string().check(z.regex(/^\d{6}(?:\d{3})?$/)),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  /** A prefecture's or county's pinyin initials, lower case ('hfs' for 合肥市). */
  initials: z.optional(z.string()),
  /** In type-ahead results: the place in words from the province down ('安徽省 合肥市 肥西县'). */
  full_name: z.optional(z.string()),
})

export const regionList = listOf(region)

export type Region = z.infer<typeof region>
export type RegionListQuery = z.infer<typeof regionListQuery>
