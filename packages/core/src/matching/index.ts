/**
 * `@ruhui/core/matching`: the organisation directory and the rules that pick a driver's
 * union (DOMAIN.md §7). Kept out of the main entry: it runs where the directory is (the
 * registry, a platform's backend), and it brings zod/mini and the region names.
 */
export { checkDirectory, createDirectory } from './directory'
export type { Directory, CreateDirectoryOptions } from './directory'
export { ORG_TYPES, ORG_LEVELS, ORG_STATUSES } from './org'
export type { UnionOrg, OrgType, OrgLevel, OrgStatus, OrgCoverage, OrgContact, LogisticsPark, DuesPolicy, DirectoryFile } from './org'
export { TIER_IDS, checkMatchingConfig, defineMatchingConfig, rulesForProvince, DEFAULT_MATCHING_CONFIG } from './config'
export type { TierId, MatchingConfig, MatchingConfigInput, ProvinceRules, ManualReviewRules } from './config'
export { matchUnion, offeredOrgIds } from './match-union'
export type { MatchResult, MatchCandidate, MatchStatus, MatchOptions, OrgRef } from './match-union'
export { checkMatchInput, MEMBERSHIP_STATUSES } from './match-input'
export type { MatchInput, MembershipStatus } from './match-input'
export { formatDirectoryIssue } from './format-directory-issue'
export { formatMatchingIssue, matchingMessages } from '../messages/matching-words'
