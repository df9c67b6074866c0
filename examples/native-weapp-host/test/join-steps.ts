// The steps of a join in the native component, as a driver taps through them (issue #13's order):
// intro → the sensitive-information consent → identity → union (确认) → the provision to the union
// (naming it) → the charter declaration (同意并提交).
import { type SimNode, type loadSimulate, until } from './simulate-kit'

type Simulate = ReturnType<typeof loadSimulate>

export const tapIn = (node: SimNode, sel: string) => {
  const target = node.querySelector(sel)
  if (!target) throw new Error(`${sel} is not shown; the component shows: ${node.dom.textContent?.replace(/\s+/g, ' ').slice(0, 300)}`)
  target.dispatchEvent('tap')
}

/** 开始入会, then the sensitive-information consent (its own step), to the identity step. */
export async function toIdentity(simulate: Simulate, join: SimNode, tap = tapIn) {
  await until(simulate, join, '开始入会')
  tap(join, '.ruhui-start')
  await until(simulate, join, '敏感个人信息处理同意')
  tap(join, '.ruhui-accept')
  await until(simulate, join, '填写身份信息')
}

/** From the union step: 确认, the provision to the union (its own tap), the charter (同意并提交). */
export async function submitFromUnion(simulate: Simulate, join: SimNode, tap = tapIn) {
  await until(simulate, join, '选择工会')
  tap(join, '.ruhui-confirm-union')
  await until(simulate, join, '向工会提供个人信息同意')
  tap(join, '.ruhui-share')
  await until(simulate, join, '入会声明')
  tap(join, '.ruhui-submit')
}
