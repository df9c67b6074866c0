// The match on the wire tells candidates apart (issue #18): each says its type and whom it serves in
// words (made where matching runs, out of the driver's bundle), the area it covers and its dues; the
// first says why it is recommended.
import { describe, expect, it } from 'vitest'
import sample from '@ruhui/sample-directory'
import { createDirectory, defineMatchingConfig, matchUnion } from '@ruhui/core/matching'
import { toOrganisationMatchWire } from './organisation-match-wire'

const directory = createDirectory(sample as unknown as Parameters<typeof createDirectory>[0])
const config = defineMatchingConfig({ version: 'test.wire', pilotRegionPrefixes: ['32', '34'] })
const match = (county: string, township?: string) => matchUnion(directory, { employmentForm: 'platform_self_employed', baseRegion: { county, ...(township ? { township } : {}) } }, { config })

describe('toOrganisationMatchWire', () => {
  it('each candidate in words: type, whom it serves, the area it covers; only the first says why it is recommended', () => {
    const wire = toOrganisationMatchWire(match('340123', '340123101'))
    expect(wire.candidates.length).toBeGreaterThan(1)
    for (const c of wire.candidates) {
      expect(c.type_words).toBeTruthy()
      expect(c.serves).toBeTruthy()
      expect(c.covers).toMatch(/合肥市/)
    }
    expect(new Set(wire.candidates.map((c) => `${c.type_words}|${c.serves}|${c.covers}`)).size).toBe(wire.candidates.length)
    expect(wire.candidates[0]!.recommended_because?.message).toMatch(/^推荐：/)
    expect(wire.candidates.slice(1).every((c) => c.recommended_because === undefined)).toBe(true)
  })

  it('speaks English when asked, and names the reason the first ranks first', () => {
    const r = match('340123', '340123101')
    const en = toOrganisationMatchWire(r, 'en')
    expect(en.candidates[0]!.recommended_because?.message).toMatch(/^Recommended: /)
    expect(en.candidates[0]!.serves).toMatch(/[a-z]/)
    const code = en.candidates[0]!.recommended_because?.code
    expect(r.candidates[0]!.type !== r.candidates[1]!.type ? 'recommended_type' : r.candidates[0]!.specificity !== r.candidates[1]!.specificity ? 'recommended_closest' : code).toBe(code)
  })

  it('a union with a dues policy carries it; the assigner says what it covers', () => {
    const withDues = (sample as unknown as { organisations: Array<{ id: string; duesPolicy?: unknown }> }).organisations.find((o) => o.duesPolicy)
    const all = ['320115', '340104', '340123', '321002'].flatMap((c) => toOrganisationMatchWire(match(c)).candidates)
    if (withDues) expect(all.filter((c) => c.org_id === withDues.id).every((c) => c.dues_policy !== undefined)).toBe(true)
    expect(all.filter((c) => c.dues_policy).every((c) => ['none', 'fixed', 'percent_of_declared_income'].includes(c.dues_policy!.mode))).toBe(true)
    const assigning = toOrganisationMatchWire(match('341321'))
    expect(assigning.assigner?.covers).toBeTruthy()
    expect(assigning.assigner?.type_words).toBe('地方总工会')
  })
})
