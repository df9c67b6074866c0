/** Regions for the driver's home-region picker: the pilot's provinces, a province's prefectures, a prefecture's counties, a county's townships. */
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
})

export const region = z.object({
  code: z.string().check(z.regex(/^\d{6}(?:\d{3})?$/)),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
})

export const regionList = listOf(region)

export type Region = z.infer<typeof region>
export type RegionListQuery = z.infer<typeof regionListQuery>
