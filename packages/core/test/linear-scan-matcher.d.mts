import type { MatchInput, TierId, UnionOrg } from '@ruhui/core/matching'
export declare function matchUnionLinear(
  orgs: readonly UnionOrg[],
  driver: MatchInput,
  options: { tiers: readonly TierId[]; maxCandidates: number; asOf: string },
): { tier?: TierId; candidates: string[]; assigner?: string }
