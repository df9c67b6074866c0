// @vitest-environment jsdom
// The example's weapp build in miniprogram-simulate with a driver the platform has verified (issue #18):
// the platform's backend sends `prefill` with the session and to its app; the flow shows it read-only,
// each field with its own 修改, the place in words, and the driver joins in six taps, typing nothing.
import { describe, expect, it } from 'vitest'
import { createRegistrySandbox, makeTestIdNumber } from '@ruhui/testing'
import { mount, until, useWeappApp } from './weapp-harness'
import { wxStandIn } from './wx-stand-in'

const sandbox = createRegistrySandbox({ baseUrl: 'http://127.0.0.1:8787' })
const standIn = wxStandIn(sandbox, 'http://127.0.0.1:8788')
useWeappApp(standIn)

describe('the example driver app, weapp build: a prefilled driver', () => {
  it('read-only fields with 修改, the place in words, and six taps to a submitted application', async () => {
    const who = { name: '王测试', id_number: makeTestIdNumber({ regionCode: '340123', birthDate: '1983-03-09', sequence: '413' }), mobile: '13912340077' }
    standIn.platform.prefill = { name: who.name, id_number: who.id_number, mobile: who.mobile, employment_form: 'platform_self_employed', base_region: { county: '340123', township: '340123101' }, verified: { method: 'platform_realname', verified_at: '2026-11-28T10:00:00.000+08:00' } }
    const flow = mount('join/pages/flow/index')
    let taps = 0
    const tap = (text: string) => {
      const node = flow.querySelectorAll('.ruhui-btn--primary').find((n) => n.dom.textContent?.trim() === text)
      if (!node) throw new Error(`no ${text}; the page shows: ${flow.dom.textContent?.slice(0, 300)}`)
      node.dispatchEvent('tap')
      taps++
    }
    await until(flow, '开始入会')
    tap('开始入会')
    await until(flow, '填写身份证件号码之前')
    tap('同意')
    await until(flow, '安徽省 合肥市 肥西县 三河镇')
    expect(flow.dom.textContent).toContain('平台已核验实名')
    expect(flow.querySelectorAll('.ruhui-prefilled')).toHaveLength(5)
    expect(flow.querySelectorAll('.ruhui-link').map((n) => n.dom.textContent?.trim())).toEqual(['修改', '修改', '修改', '修改', '修改'])
    expect(flow.dom.textContent).not.toContain(who.id_number) // shown masked
    tap('下一步')
    await until(flow, '选择工会')
    tap('确认')
    await until(flow, '向工会提供个人信息同意')
    tap('同意')
    await until(flow, '承认《中国工会章程》')
    tap('同意并提交')
    await until(flow, '申请已提交')
    expect(taps).toBe(6)
    expect(sandbox.state.applications.size).toBe(1)
  })
})
