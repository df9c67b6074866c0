import { expect, it } from 'vitest'
import { maskIdCard, maskMobile, maskPersonName } from '@ruhui/core'

it('masks keep only what identifies nobody', () => {
  expect(maskIdCard('320102198503151230')).toBe('3201**********1230')
  expect(maskIdCard('1234')).toBe('****')
  expect(maskMobile('13812345678')).toBe('138****5678')
  expect(maskPersonName('张三')).toBe('*三')
  expect(maskPersonName('买买提·吐尔逊')).toBe('******逊')
  expect(maskPersonName('𠮷野家')).toBe('**家')
})
