import { describe, expect, it } from 'vitest'
import { RegistryInvalidRequestError } from '../client/errors'
import type { Application } from '../contract/applications'
import type { InformationRequest } from '../contract/information-requests'
import { createInfoAnswer, infoRequestOf } from './info-answer'
import type { MemberApi } from './api'

const request: InformationRequest = {
  id: 'irq_1',
  object: 'information_request',
  application_id: 'app_1',
  fields: ['plate', 'base_region'],
  documents: ['driving_licence_photo'],
  message: '请补充驾驶证照片，并核对车牌号',
  requested_at: '2026-12-01T10:00:00.000+08:00',
  answered_at: null,
}
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])
const application = { id: 'app_1', status: 'under_review' } as Application

function fakeApi() {
  const calls: Array<[string, unknown]> = []
  let uploads = 0
  const api: Pick<MemberApi, 'upload' | 'respond'> = {
    upload: async (body) => (calls.push(['upload', body]), { id: `upl_${++uploads}`, object: 'upload', application_id: body.application_id, purpose: body.purpose, content_type: 'image/jpeg', size: 7, created_at: '2026-12-01T10:00:00.000+08:00' }),
    respond: async (id, body) => (calls.push(['respond', { id, body }]), application),
  }
  return { api, calls }
}

describe('infoRequestOf', () => {
  it('is the request only while it waits for an answer', () => {
    expect(infoRequestOf({ information_request: request })).toBe(request)
    expect(infoRequestOf({ information_request: { ...request, answered_at: '2026-12-01T11:00:00.000+08:00' } })).toBeNull()
    expect(infoRequestOf({ information_request: null })).toBeNull()
    expect(infoRequestOf(null)).toBeNull()
  })
})

describe('createInfoAnswer', () => {
  it('checks the fields and the photo on the phone, uploads the photo when chosen (base64), then answers with the fields and the upload', async () => {
    const { api, calls } = fakeApi()
    const answered: Application[] = []
    const a = createInfoAnswer({ api, request, capabilities: { choosePhoto: async () => ({ bytes: jpeg, contentType: 'image/jpeg', preview: 'blob:1' }) }, onAnswered: (x) => answered.push(x) })
    await a.submit()
    expect(a.getState().fieldIssues).toEqual({ plate: '请填写', base_region: '请填写', driving_licence_photo: '请添加这张照片' })
    a.setValue('plate', '苏A1')
    a.setValue('base_region', '3401')
    await a.submit()
    expect(a.getState().fieldIssues.plate).toMatch(/车牌/)
    expect(a.getState().fieldIssues.base_region).toBe('请填写 6 位区县代码')
    expect(calls).toEqual([])
    await a.choosePhoto('driving_licence_photo')
    expect(calls[0]).toEqual(['upload', { application_id: 'app_1', purpose: 'driving_licence_photo', data_base64: Buffer.from(jpeg).toString('base64') }])
    expect(a.getState().photos.driving_licence_photo).toEqual({ uploadId: 'upl_1', preview: 'blob:1', uploading: false })
    a.setValue('plate', '苏a 12345')
    a.setValue('base_region', '340104')
    await a.submit()
    expect(calls[1]).toEqual(['respond', { id: 'app_1', body: { fields: { plate: '苏A12345', base_region: { county: '340104' } }, upload_ids: ['upl_1'] } }])
    expect(a.getState()).toMatchObject({ sent: true, busy: false, error: null })
    expect(answered).toEqual([application])
  })

  it('refuses a file that is not a JPEG or PNG, or is over 2 MB, before any upload', async () => {
    const { api, calls } = fakeApi()
    let next = new TextEncoder().encode('%PDF-1.7 not a photo')
    const a = createInfoAnswer({ api, request: { ...request, fields: [] }, capabilities: { choosePhoto: async () => ({ bytes: next, contentType: 'image/jpeg' }) } })
    await a.choosePhoto('driving_licence_photo')
    expect(a.getState().fieldIssues.driving_licence_photo).toBe('只能上传 JPG 或 PNG 格式的照片')
    next = new Uint8Array(2 * 1024 * 1024 + 1)
    next.set([0xff, 0xd8, 0xff])
    await a.choosePhoto('driving_licence_photo')
    expect(a.getState().fieldIssues.driving_licence_photo).toBe('照片超过 2 MB，请压缩后重新选择')
    expect(calls).toEqual([])
  })

  it('an upload the registry refuses is shown under the photo in its words; the answer is refused under the field it names and the typed values stay', async () => {
    const { api } = fakeApi()
    let refuseUpload = true
    api.upload = async () => {
      if (refuseUpload) throw new RegistryInvalidRequestError({ type: 'invalid_request_error', code: 'upload_not_image', message: 'x', userMessage: '只能上传 JPG 或 PNG 格式的图片', param: 'data_base64' })
      return { id: 'upl_9', object: 'upload', application_id: 'app_1', purpose: 'driving_licence_photo', content_type: 'image/jpeg', size: 7, created_at: '2026-12-01T10:00:00.000+08:00' }
    }
    api.respond = async () => {
      throw new RegistryInvalidRequestError({ type: 'invalid_request_error', code: 'parameter_invalid', message: 'x', userMessage: '车牌号不正确', param: 'fields.plate' })
    }
    const a = createInfoAnswer({ api, request, capabilities: { choosePhoto: async () => ({ bytes: jpeg, contentType: 'image/jpeg' }) } })
    await a.choosePhoto('driving_licence_photo')
    expect(a.getState()).toMatchObject({ fieldIssues: { driving_licence_photo: '只能上传 JPG 或 PNG 格式的图片' }, photos: { driving_licence_photo: { uploadId: null, uploading: false } } })
    refuseUpload = false
    await a.choosePhoto('driving_licence_photo')
    a.setValue('plate', '苏A12345')
    a.setValue('base_region', '340104')
    await a.submit()
    expect(a.getState()).toMatchObject({ sent: false, fieldIssues: { plate: '车牌号不正确' }, values: { plate: '苏A12345', base_region: '340104' }, photos: { driving_licence_photo: { uploadId: 'upl_9' } } })
  })

  it('without a way to choose photos, the driver is told to contact the union', async () => {
    const { api } = fakeApi()
    const a = createInfoAnswer({ api, request: { ...request, fields: [] } })
    expect(a.getState().canChoosePhoto).toBe(false)
    await a.submit()
    expect(a.getState().fieldIssues.driving_licence_photo).toBe('当前 App 无法上传照片，请联系工会')
  })
})
