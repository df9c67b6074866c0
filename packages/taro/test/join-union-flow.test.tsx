// <JoinUnionFlow>, <JoinUnionButton> and <JoinUnionLink> rendered with Taro's React components
// (@tarojs/components aliased to @tarojs/components-react), against the registry sandbox.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRegistryClient } from '@ruhui/core/client'
import { type NetworkPort, memoryStorage } from '@ruhui/core/flow'
import { TEST_SECRET_KEY, createRegistrySandbox, createSandboxTransport, testIdentities } from '@ruhui/testing'
import { storage, taroApi } from './taro-mock'

vi.mock('@tarojs/taro', async () => {
  const { taroApi: api } = await import('./taro-mock')
  return { default: api, ...api }
})

const { JoinUnionButton, JoinUnionFlow, JoinUnionLink, useJoinFlow } = await import('../src/index')

const sandbox = createRegistrySandbox()
const transport = createSandboxTransport(sandbox)
const backend = createRegistryClient({ baseUrl: sandbox.baseUrl, secretKey: TEST_SECRET_KEY, transport, maxRetries: 0 })
let n = 0
const newSession = async () => {
  const s = await backend.joinSessions.create({ platform_user_id: `component-driver-${++n}` })
  return { sessionId: s.id, joinToken: s.join_token as string }
}
function fakeNetwork(): NetworkPort & { go(online: boolean): void } {
  const listeners = new Set<(o: boolean) => void>()
  let now = true
  return { isOnline: () => now, onChange: (l) => (listeners.add(l), () => listeners.delete(l)), go: (o) => ((now = o), listeners.forEach((l) => l(o))) }
}

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement
const type = (label: string, value: string) => fireEvent.input(input(label), { target: { value } })
const tap = (text: string) => fireEvent.click(screen.getByText(text))

beforeEach(() => {
  storage.clear()
  sandbox.reset()
})
afterEach(cleanup)

async function renderFlow(extra: Partial<Parameters<typeof JoinUnionFlow>[0]> = {}) {
  const session = await newSession()
  const onSuccess = vi.fn()
  const onExit = vi.fn()
  const onEvent = vi.fn()
  const network = fakeNetwork()
  const view = render(
    <JoinUnionFlow registryUrl={sandbox.baseUrl} {...session} transport={transport} storage={memoryStorage()} network={network} onSuccess={onSuccess} onExit={onExit} onEvent={onEvent} {...extra} />,
  )
  return { view, session, onSuccess, onExit, onEvent, network }
}

async function fillIdentity(who = testIdentities.standard) {
  type('姓名', who.name)
  type('身份证件号码', who.id_number)
  type('手机号码', who.mobile)
  tap('个体司机（平台接单）')
  // The province buttons open the full-screen picker there; the county closes it, in words.
  tap(await screen.findByText('江苏省 ›').then((e) => e.textContent as string))
  tap(await screen.findByText('南京市').then((e) => e.textContent as string))
  tap(await screen.findByText('江宁区').then((e) => e.textContent as string))
  await screen.findByText('江苏省 南京市 江宁区')
}

/** The union step's 确认, the share consent naming the union, the charter step's 同意并提交: each its own tap. */
async function agreeAndSubmit() {
  tap(await screen.findByText('确认').then((e) => e.textContent as string))
  await screen.findByText('向工会提供个人信息')
  tap('同意')
  await screen.findByText('入会声明')
  tap('同意并提交')
}

describe('<JoinUnionFlow>', () => {
  it('takes a driver from the intro to a submitted application, with the required labels and one onSuccess', async () => {
    const { onSuccess, onExit, onEvent } = await renderFlow()
    // Intro: what members get, loaded from the registry's service catalogue.
    await screen.findByText('加入工会，有组织有依靠')
    await screen.findByText('入会后可以享受')
    tap('开始入会')
    // The sensitive-information consent alone, before the ID number; the union's consent comes after matching.
    await screen.findByText('敏感个人信息处理同意')
    expect(screen.queryByText('向工会提供个人信息同意')).toBeNull()
    tap('同意')
    await screen.findByText('填写身份信息')
    await fillIdentity()
    tap('下一步')
    // Union: each candidate says what sets it apart; the first says why it is recommended.
    await screen.findByText('选择工会')
    expect(document.querySelectorAll('.ruhui-union').length).toBeGreaterThan(0)
    expect(document.querySelector('.ruhui-choice--selected')).not.toBeNull()
    expect(document.querySelector('.ruhui-union__recommended')?.textContent).toMatch(/^推荐：/)
    expect(document.querySelector('.ruhui-union')?.textContent).toContain('类型：')
    const union = document.querySelector('.ruhui-choice--selected .ruhui-union__name')?.textContent as string
    tap('确认')
    // The provision to the union names it; the optional consents are off.
    await screen.findByText('向工会提供个人信息同意')
    expect(document.querySelector('.ruhui-step--share')?.textContent).toContain(union)
    expect([...document.querySelectorAll('.ruhui-switch')].map((e) => e.getAttribute('aria-checked'))).toEqual(['false', 'false'])
    tap('同意')
    await screen.findByText('入会声明')
    expect(document.querySelector('.ruhui-step--charter')?.textContent).toContain('承认《中国工会章程》')
    tap('同意并提交')
    await screen.findByText('申请已提交')
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(onSuccess.mock.calls[0]![0]).toMatchObject({ status: 'under_review' })
    expect(onExit).not.toHaveBeenCalled()
    const names = onEvent.mock.calls.map((c) => c[0].name)
    expect(names).toEqual(expect.arrayContaining(['OPEN', 'CONSENT_GRANTED', 'IDENTITY_VALID', 'SUBMITTED']))
  })

  it('shows the Chinese message under the field as the driver types, and does not move on', async () => {
    await renderFlow()
    tap(await screen.findByText('开始入会').then((e) => e.textContent as string))
    tap(await screen.findByText('同意').then((e) => e.textContent as string))
    await screen.findByText('填写身份信息')
    type('身份证件号码', '320102198503151231') // wrong check digit
    await screen.findByText('身份证件号码校验位不正确，请逐位核对')
    expect(screen.queryByText('请填写姓名')).toBeNull() // untouched fields stay quiet
    tap('下一步')
    await waitFor(() => expect(document.querySelectorAll('.ruhui-field--invalid').length).toBeGreaterThan(1))
    screen.getByText('填写身份信息')
  })

  it('declining consent ends the flow once with consent_denied', async () => {
    const { onExit, onSuccess } = await renderFlow()
    tap(await screen.findByText('开始入会').then((e) => e.textContent as string))
    await screen.findByText('不同意')
    tap('不同意')
    tap('不同意') // a second tap after the end changes nothing
    await waitFor(() => expect(onExit).toHaveBeenCalledTimes(1))
    expect(onExit.mock.calls[0]![0]).toMatchObject({ reason: 'consent_denied' })
    expect(onSuccess).not.toHaveBeenCalled()
  })

  it('offline at submit: the application is kept and sent once when the network comes back', async () => {
    const { network, onSuccess } = await renderFlow()
    tap(await screen.findByText('开始入会').then((e) => e.textContent as string))
    tap(await screen.findByText('同意').then((e) => e.textContent as string))
    await screen.findByText('填写身份信息')
    await fillIdentity()
    tap('下一步')
    tap(await screen.findByText('确认').then((e) => e.textContent as string))
    tap(await screen.findByText('同意').then((e) => e.textContent as string))
    await screen.findByText('同意并提交')
    act(() => network.go(false))
    await screen.findByText('网络已断开，填写的内容会保存')
    tap('同意并提交')
    await screen.findByText('申请已保存')
    act(() => network.go(true))
    await screen.findByText('申请已提交')
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect([...sandbox.state.applications.values()].length).toBe(1)
  })

  it('the home place is chosen on full-screen lists with the count shown, or by type-ahead (pinyin initials), and shown in words, never as a code', async () => {
    await renderFlow()
    tap(await screen.findByText('开始入会').then((e) => e.textContent as string))
    tap(await screen.findByText('同意').then((e) => e.textContent as string))
    tap(await screen.findByText('安徽省 ›').then((e) => e.textContent as string))
    await screen.findByText('合肥市')
    screen.getByText('共 16 个')
    expect(document.querySelectorAll('.ruhui-picker__item')).toHaveLength(16)
    fireEvent.input(screen.getByLabelText('输入城市或区县名'), { target: { value: 'fx' } })
    tap(await screen.findByText('肥西县').then((e) => e.textContent as string))
    await screen.findByText('安徽省 合肥市 肥西县')
    expect(document.querySelector('.ruhui-picker')).toBeNull()
    // The township from its own row.
    tap('乡镇（街道）（选填）：选择乡镇（街道） ›')
    tap(await screen.findByText('三河镇').then((e) => e.textContent as string))
    await screen.findByText('安徽省 合肥市 肥西县')
    screen.getByText('乡镇（街道）（选填）：三河镇 ›')
    expect(document.querySelector('.ruhui-join')?.textContent).not.toMatch(/\d{6}/)
  })

  it('a driver the platform prefilled sees the fields read-only, each with 修改, and joins in six taps typing nothing', async () => {
    const who = testIdentities.standard
    const { onSuccess } = await renderFlow({ prefill: { name: who.name, idNumber: who.id_number, mobile: who.mobile, employmentForm: 'platform_self_employed', county: '320115', verified: true } })
    tap(await screen.findByText('开始入会').then((e) => e.textContent as string))
    tap(await screen.findByText('同意').then((e) => e.textContent as string))
    await screen.findByText('平台已核验实名')
    await screen.findByText('江苏省 南京市 江宁区')
    expect(screen.queryByLabelText('姓名')).toBeNull()
    expect(screen.getAllByText('修改').length).toBe(5)
    expect(document.querySelector('.ruhui-join')?.textContent).not.toContain(who.id_number)
    tap('下一步')
    await agreeAndSubmit()
    await screen.findByText('申请已提交')
    expect(onSuccess).toHaveBeenCalledTimes(1)
    // 修改 turns a prefilled field into an ordinary one.
    cleanup()
    await renderFlow({ prefill: { name: who.name } })
    tap(await screen.findByText('开始入会').then((e) => e.textContent as string))
    tap(await screen.findByText('同意').then((e) => e.textContent as string))
    tap(await screen.findByText('修改').then((e) => e.textContent as string))
    expect(input('姓名').value).toBe(who.name)
  })

  it('speaks English when asked, and takes the host’s words over its own', async () => {
    await renderFlow({ locale: 'en', labels: { start: 'Let’s go', fields: { name: 'Full name' } } })
    tap(await screen.findByText('Let’s go').then((e) => e.textContent as string))
    tap(await screen.findByText('Agree').then((e) => e.textContent as string))
    await screen.findByText('Your details')
    screen.getByLabelText('Full name')
    screen.getByLabelText('ID number')
  })

  it('uses the host’s face check and records it', async () => {
    const verifyFace = vi.fn(async () => ({ passed: true, verifiedAt: '2026-11-28T10:00:00+08:00' }))
    await renderFlow({ capabilities: { verifyFace } })
    tap(await screen.findByText('开始入会').then((e) => e.textContent as string))
    tap(await screen.findByText('同意').then((e) => e.textContent as string))
    tap(await screen.findByText('人脸核验').then((e) => e.textContent as string))
    await screen.findByText('人脸核验已通过')
    expect(verifyFace).toHaveBeenCalledTimes(1)
  })
})

describe('useJoinFlow', () => {
  it('an expired token: the client asks the host’s onTokenExpired once, the same request goes again, and the flow reports TOKEN_REFRESHED', async () => {
    let sessionId = ''
    const onTokenExpired = vi.fn(async () => (await backend.joinSessions.refresh(sessionId)).join_token as string)
    const { session, onSuccess, onEvent } = await renderFlow({ onTokenExpired })
    sessionId = session.sessionId
    tap(await screen.findByText('开始入会').then((e) => e.textContent as string))
    tap(await screen.findByText('同意').then((e) => e.textContent as string))
    await screen.findByText('填写身份信息')
    await fillIdentity()
    tap('下一步')
    tap(await screen.findByText('确认').then((e) => e.textContent as string))
    tap(await screen.findByText('同意').then((e) => e.textContent as string))
    await screen.findByText('同意并提交')
    sandbox.expireToken(session.joinToken)
    tap('同意并提交')
    await screen.findByText('申请已提交')
    expect(onTokenExpired).toHaveBeenCalledTimes(1)
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(sandbox.state.applications.size).toBe(1)
    const names = onEvent.mock.calls.map((c) => c[0].name)
    expect(names.indexOf('TOKEN_REFRESHED')).toBeGreaterThan(-1)
    expect(names.indexOf('TOKEN_REFRESHED')).toBeLessThan(names.indexOf('SUBMITTED'))
  })

  it('reads the flow as an external store: the state it returns is the flow’s own, kept in step as the flow moves', async () => {
    const session = await newSession()
    const seen: Array<{ state: unknown; flowState: unknown }> = []
    let flow: ReturnType<typeof useJoinFlow>['flow'] = null
    function Probe() {
      const r = useJoinFlow({ registryUrl: sandbox.baseUrl, ...session, transport, storage: memoryStorage(), network: fakeNetwork(), onSuccess: vi.fn(), onExit: vi.fn() })
      flow = r.flow
      seen.push({ state: r.state, flowState: r.flow?.getState() ?? null })
      return null
    }
    render(<Probe />)
    await waitFor(() => expect(flow).not.toBeNull())
    act(() => flow!.next())
    await waitFor(() => expect((seen[seen.length - 1]?.state as { step?: string } | null)?.step).toBe('consent'))
    const last = seen[seen.length - 1]!
    expect(last.state).toBe(last.flowState)
  })
})

describe('<JoinUnionButton>', () => {
  it('reads 加入工会; a double tap asks the host for one session and opens one flow', async () => {
    const createSession = vi.fn(newSession)
    render(<JoinUnionButton registryUrl={sandbox.baseUrl} createSession={createSession} transport={transport} storage={memoryStorage()} network={fakeNetwork()} onSuccess={vi.fn()} onExit={vi.fn()} />)
    const button = screen.getByText('加入工会')
    fireEvent.click(button)
    fireEvent.click(button)
    await screen.findByText('加入工会，有组织有依靠')
    expect(createSession).toHaveBeenCalledTimes(1)
    expect(document.querySelectorAll('.ruhui-join').length).toBe(1)
  })

  it('with onOpen it leaves opening to the host', async () => {
    const onOpen = vi.fn()
    render(<JoinUnionButton registryUrl={sandbox.baseUrl} onOpen={onOpen} onSuccess={vi.fn()} onExit={vi.fn()} />)
    tap('加入工会')
    expect(onOpen).toHaveBeenCalledTimes(1)
    expect(document.querySelector('.ruhui-join')).toBeNull()
  })
})

describe('<JoinUnionLink>', () => {
  it('reads 加入工会 and navigates to the host’s flow page', () => {
    render(<JoinUnionLink url="/join/pages/flow/index" />)
    tap('加入工会')
    expect(taroApi.navigateTo).toHaveBeenCalledWith({ url: '/join/pages/flow/index' })
  })
})
