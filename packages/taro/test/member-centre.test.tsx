// 我的会籍 in @ruhui/taro (Taro's React components, happy-dom) against the registry sandbox: a
// member's session opens the centre in JoinUnionFlow's place; the card and its QR code; the move,
// leave and update requests with their words for bad input; the review loop's answer with a photo.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRegistryClient } from '@ruhui/core/client'
import { memoryStorage } from '@ruhui/core/flow'
import { TEST_SECRET_KEY, createRegistrySandbox, createSandboxTransport, testCharter, testConsents, testIdentities } from '@ruhui/testing'

vi.mock('@tarojs/taro', async () => {
  const { taroApi: api } = await import('./taro-mock')
  return { default: api, ...api }
})
const { JoinUnionFlow } = await import('../src/index')

const sandbox = createRegistrySandbox()
const sandboxTransport = createSandboxTransport(sandbox)
/** The sandbox's transport, recording what the driver's app sends. */
const sent: string[] = []
const transport: typeof sandboxTransport = { name: 'recording', send: (r) => (sent.push(`${r.method} ${new URL(r.url).pathname}`), sandboxTransport.send(r)) }
const backend = createRegistryClient({ baseUrl: sandbox.baseUrl, secretKey: TEST_SECRET_KEY, transport, maxRetries: 0 })
const session = async (user: string) => {
  const s = await backend.joinSessions.create({ platform_user_id: user })
  return { sessionId: s.id, joinToken: s.join_token as string }
}
/** The driver's submission as the flow sends it; returns the application. */
async function submit(user: string, who = testIdentities.approved) {
  const s = await session(user)
  const driver = createRegistryClient({ baseUrl: sandbox.baseUrl, joinToken: s.joinToken, transport, maxRetries: 0 })
  const match = await driver.organisations.match({ employment_form: 'platform_self_employed', base_region: { county: '320115' } })
  return driver.applications.submit({ applicant: { ...who, employment_form: 'platform_self_employed' }, base_region: { county: '320115' }, org_id: match.candidates[0]!.org_id, consents: testConsents(), charter: testCharter() })
}
/** The start and end of a JPEG (JFIF header, end marker): what the sandbox takes for one. */
const TINY_JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9])
const lifecycle = { onForeground: () => () => undefined }
const network = { isOnline: () => true, onChange: () => () => undefined }
async function open(user: string, extra: Record<string, unknown> = {}) {
  const s = await session(user)
  render(<JoinUnionFlow registryUrl={sandbox.baseUrl} {...s} transport={transport} storage={memoryStorage()} network={network} lifecycle={lifecycle} onSuccess={vi.fn()} onExit={vi.fn()} {...extra} />)
  return s
}
const tap = (text: string) => fireEvent.click(screen.getByText(text, { exact: true }))
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } })

beforeEach(() => {
  sandbox.reset()
  sent.length = 0
})
afterEach(cleanup)

describe('我的会籍 in JoinUnionFlow’s place', () => {
  it('a member’s session shows the card, its QR code and the union; a driver who never applied gets the join flow', async () => {
    const app = await submit('member-1')
    if (app.status !== 'approved') sandbox.review(app.id, 'approve')
    const s = await open('member-1')
    await screen.findByText('工会会员电子会员卡')
    const card = (await createRegistryClient({ baseUrl: sandbox.baseUrl, joinToken: s.joinToken, transport }).membership.retrieve()).card
    await screen.findByText(card!.number)
    expect(document.querySelectorAll('.ruhui-qr__run').length).toBeGreaterThan(100)
    expect(screen.queryByText('开始入会')).toBeNull()
    cleanup()
    await open('never-applied')
    await screen.findByText('开始入会')
    expect(screen.queryByText('工会会员电子会员卡')).toBeNull()
  })

  it('the requests: bad input in words under the field, nothing sent; leave asks for a reason, then waits for the union and can be taken back', async () => {
    const app = await submit('member-2')
    if (app.status !== 'approved') sandbox.review(app.id, 'approve')
    await open('member-2')
    await screen.findByText('工会会员电子会员卡')
    tap('修改手机号和常驻地')
    type('手机号', '1231')
    tap('保存')
    await screen.findByText('手机号码格式不正确，请核对后重新输入')
    tap('返回')
    tap('转移会籍（接转）')
    type('新的常驻地（区县）', '3401')
    tap('查找新地方的工会')
    await screen.findByText('请填写 6 位区县代码')
    // In words instead: a county found by name is taken for the code.
    type('输入城市或区县名查找，如：合肥 蜀山', '蜀山')
    tap(await screen.findByText('安徽省 合肥市 蜀山区').then((e) => e.textContent as string))
    expect((screen.getByLabelText('新的常驻地（区县）') as HTMLInputElement).value).toBe('340104')
    tap('返回')
    expect(sent.filter((x) => x.startsWith('POST /v1/me/'))).toEqual([])
    tap('退会')
    tap('确认申请退会')
    await screen.findByText('请选择退会原因')
    tap('退休')
    tap('确认申请退会')
    await screen.findByText('已提交退会申请，等待工会确认。')
    await screen.findByText('您的退会申请正等待工会确认。')
    tap('撤回退会申请')
    await screen.findByText('已撤回退会申请，会籍不变。')
    expect(sent.filter((x) => x.startsWith('POST /v1/me/'))).toEqual(['POST /v1/me/membership/leave', 'POST /v1/me/membership/leave/cancel'])
  })

  it('the review loop: the union asks for the plate and a photo; the driver answers with a photo from the host and the application is back in review', async () => {
    const app = await submit('applicant-3', testIdentities.standard)
    sandbox.requestInformation(app.id, { fields: ['plate'], documents: ['driving_licence_photo'], message: '请补充车牌号和驾驶证照片' })
    const jpeg = TINY_JPEG
    const choosePhoto = vi.fn(async () => ({ bytes: jpeg, contentType: 'image/jpeg' }))
    await open('applicant-3', { memberCentre: { capabilities: { choosePhoto } } })
    await screen.findByText('工会请您补充材料')
    await screen.findByText('「请补充车牌号和驾驶证照片」')
    tap('提交补充材料')
    await screen.findByText('请添加这张照片')
    type('车牌号', '苏A12345')
    fireEvent.click(document.querySelector('.ruhui-info__choose') as HTMLElement)
    await screen.findByText('已选择照片')
    expect(choosePhoto).toHaveBeenCalledTimes(1)
    tap('提交补充材料')
    await screen.findByText('已提交，申请重新进入审核。')
    await waitFor(async () => expect((await backend.applications.retrieve(app.id)).status).toBe('under_review'))
  })

  it('in the join flow’s result: asked for more while the page is open, the driver answers there and the result goes back to review; with the host’s subscription capability the driver subscribes by a tap', async () => {
    const requestSubscription = vi.fn(async () => ({ accepted: true }))
    await open('flow-driver-4', { statusPollMs: 0, capabilities: { requestSubscription, choosePhoto: async () => ({ bytes: TINY_JPEG, contentType: 'image/jpeg' }) } })
    await screen.findByText('开始入会')
    tap('开始入会')
    await screen.findByText('敏感个人信息处理同意')
    tap('同意')
    await screen.findByText('填写身份信息')
    type('姓名', testIdentities.standard.name)
    type('身份证件号码', testIdentities.standard.id_number)
    type('手机号码', testIdentities.standard.mobile)
    tap('个体司机（平台接单）')
    tap(await screen.findByText('江苏省 ›').then((e) => e.textContent as string))
    tap(await screen.findByText('南京市').then((e) => e.textContent as string))
    tap(await screen.findByText('江宁区').then((e) => e.textContent as string))
    await screen.findByText('江苏省 南京市 江宁区')
    tap('下一步')
    tap(await screen.findByText('确认').then((e) => e.textContent as string))
    await screen.findByText('向工会提供个人信息')
    tap('同意')
    await screen.findByText('入会声明')
    tap('同意并提交')
    await screen.findByText('申请已提交')
    // While the union decides: 接收审核结果通知, from the driver's tap.
    tap('接收审核结果通知')
    await screen.findByText('审核结果会通知您')
    expect(requestSubscription).toHaveBeenCalledTimes(1)
    // The union asks for the plate and a photo; the result step shows it once it reads the status again.
    const appId = [...sandbox.state.applications.values()].find((a) => a.application.session_id === sandbox_session('flow-driver-4'))!.application.id
    sandbox.requestInformation(appId, { fields: ['plate'], documents: ['driving_licence_photo'], message: '请补充车牌号和驾驶证照片' })
    tap('刷新审核进度')
    await screen.findByText('工会请您补充材料')
    type('车牌号', '苏A12345')
    fireEvent.click(document.querySelector('.ruhui-info__choose') as HTMLElement)
    await screen.findByText('已选择照片')
    tap('提交补充材料')
    await screen.findByText('已提交，申请重新进入审核。')
    await waitFor(async () => expect((await backend.applications.retrieve(appId)).status).toBe('under_review'))
  })
})

/** The session the sandbox holds for this platform user. */
function sandbox_session(user: string): string | undefined {
  return [...sandbox.state.sessions.values()].find((x) => x.session.platform_user_id === user)?.session.id
}
