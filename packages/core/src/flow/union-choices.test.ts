// The unions a shell shows and whether the result waits: one rule for Taro, the native component and the plugin.
import { expect, it } from 'vitest'
import { match } from '../../test/flow-reducer-kit'
import { awaitsUnion, unionChoices } from './union-choices'

it('the candidates the registry offered; with none, the assigning union and the match’s reasons', () => {
  expect(unionChoices(match)).toEqual({ choices: match.candidates.map((c) => ({ id: c.org_id, name: c.name, reasons: [] })), assigning: false })
  const assigner = { org_id: 'org_lf_341321', name: '砀山县总工会（示例）', type: 'local_federation' as const, level: 'county' as const, contact: null }
  const none = { ...match, status: 'needs_assignment' as const, tier: null, candidates: [], assigner, reasons: [{ code: 'assigned_by_federation', params: {}, message: '将由砀山县总工会为您指定' }] }
  expect(unionChoices(none)).toEqual({ choices: [{ id: 'org_lf_341321', name: '砀山县总工会（示例）', reasons: ['将由砀山县总工会为您指定'] }], assigning: true })
  expect(unionChoices({ ...none, assigner: null })).toEqual({ choices: [], assigning: true })
  expect(unionChoices(null)).toEqual({ choices: [], assigning: false })
})

it('the result waits for the union while it is under review, to be assigned, or needs information', () => {
  expect((['pending_review', 'needs_assignment', 'needs_info', 'approved', 'rejected', 'transfer_required', 'transfer_requested'] as const).filter(awaitsUnion)).toEqual(['pending_review', 'needs_assignment', 'needs_info'])
  expect(awaitsUnion(undefined)).toBe(false)
})
