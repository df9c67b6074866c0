/**
 * The one error shape of the API: `{ error: { type, code, message, param?, request_id } }`,
 * with stable codes and a Chinese `message` fit to show a driver.
 */
import * as z from 'zod/mini'

export const ERROR_TYPES = [
  'invalid_request_error', // the request cannot be served as sent (400, 404, 409, 422)
  'authentication_error', // no, bad or expired credential (401)
  'permission_error', // the credential may not do this (403)
  'idempotency_error', // an Idempotency-Key reused with a different request (409)
  'rate_limit_error', // too many requests (429)
  'api_error', // the registry's side (5xx, retryable conflicts)
] as const
export type ErrorType = (typeof ERROR_TYPES)[number]

export interface ErrorCodeInfo {
  status: number
  type: ErrorType
  /** Words for a driver. */
  zh: string
  en: string
  /** Safe to retry with the same Idempotency-Key. */
  retryable?: boolean
}

/** Stable error codes. New codes may be added; existing ones never change meaning. */
export const ERROR_CODES = {
  invalid_request: { status: 400, type: 'invalid_request_error', zh: '请求内容有误，请检查后重试', en: 'The request is not valid' },
  parameter_missing: { status: 400, type: 'invalid_request_error', zh: '缺少必填内容', en: 'A required parameter is missing' },
  parameter_invalid: { status: 400, type: 'invalid_request_error', zh: '填写的内容有误，请检查后重试', en: 'A parameter is not valid' },
  invalid_api_key: { status: 401, type: 'authentication_error', zh: '平台密钥无效', en: 'The secret key is not valid' },
  api_key_expired: { status: 401, type: 'authentication_error', zh: '密钥已停用或已过期', en: 'The key was disabled or has expired' },
  invalid_token: { status: 401, type: 'authentication_error', zh: '入会链接无效，请回到平台重新进入', en: 'The join token is not valid' },
  expired_token: { status: 401, type: 'authentication_error', zh: '入会链接已过期，请重新进入', en: 'The join token has expired' },
  forbidden: { status: 403, type: 'permission_error', zh: '没有权限进行此操作', en: 'This credential may not do that' },
  permission_denied: { status: 403, type: 'permission_error', zh: '只有司机本人可以进行此操作', en: 'Only the driver may do this' },
  consent_text_unknown: { status: 400, type: 'invalid_request_error', zh: '您同意的条款文本已更新，请重新阅读并确认', en: 'The consent text agreed to is not a published version' },
  too_many_id_numbers: { status: 429, type: 'rate_limit_error', zh: '本次入会尝试的证件号码过多，请回到平台重新进入', en: 'Too many different ID numbers were tried in this join session' },
  return_url_not_allowed: { status: 400, type: 'invalid_request_error', zh: '返回地址不在平台登记的返回地址之内', en: 'The return_url is not one of the platform\'s registered return URLs' },
  not_found: { status: 404, type: 'invalid_request_error', zh: '没有找到相关记录', en: 'No such resource' },
  already_member: { status: 409, type: 'invalid_request_error', zh: '您已经是工会会员，无需重复申请', en: 'Already a member of this union' },
  transfer_required: { status: 409, type: 'invalid_request_error', zh: '您已是其他工会的会员，可以申请转接会员组织关系', en: 'Already a member elsewhere; request a transfer instead' },
  application_exists: { status: 409, type: 'invalid_request_error', zh: '您已有一份入会申请正在办理，请耐心等待', en: 'An application for this person is already being handled' },
  session_completed: { status: 409, type: 'invalid_request_error', zh: '本次入会已经提交过了', en: 'This join session has already been used' },
  ineligible: { status: 422, type: 'invalid_request_error', zh: '暂不符合入会条件', en: 'Not eligible to join' },
  not_in_pilot: { status: 422, type: 'invalid_request_error', zh: '您所在地区暂未开通网上入会', en: 'Online joining is not open in this region' },
  org_not_offered: { status: 422, type: 'invalid_request_error', zh: '所选工会不在可加入的范围内，请重新选择', en: 'The chosen union is not one of the offered candidates' },
  membership_not_found: { status: 404, type: 'invalid_request_error', zh: '没有找到您的会籍或入会申请记录', en: 'No membership or application is linked to this driver' },
  membership_not_active: { status: 409, type: 'invalid_request_error', zh: '当前会籍状态不能办理此项业务', en: 'The membership’s status does not allow this' },
  membership_retained: { status: 409, type: 'invalid_request_error', zh: '您的会籍处于保留状态，请先联系所在工会恢复会籍，再申请转接', en: 'The membership is retained: ask the union to restore it before moving it' },
  transfer_in_progress: { status: 409, type: 'invalid_request_error', zh: '已有一项会籍转接正在办理', en: 'A transfer of this membership is already under way' },
  leave_pending: { status: 409, type: 'invalid_request_error', zh: '您的退会申请正在等待工会确认', en: 'A request to leave is already waiting for the union' },
  no_pending_leave: { status: 409, type: 'invalid_request_error', zh: '没有待确认的退会申请', en: 'There is no pending request to leave' },
  not_awaiting_information: { status: 409, type: 'invalid_request_error', zh: '该申请当前不需要补充材料', en: 'The application is not waiting for information' },
  information_incomplete: { status: 422, type: 'invalid_request_error', zh: '还有工会要求补充的内容没有提供', en: 'Something the reviewer asked for is missing from the answer' },
  upload_not_image: { status: 415, type: 'invalid_request_error', zh: '只能上传 JPG 或 PNG 格式的照片', en: 'Only JPEG or PNG images can be uploaded' },
  upload_too_large: { status: 413, type: 'invalid_request_error', zh: '照片太大，请上传不超过 2 MB 的照片', en: 'The image is too large (at most 2 MiB)' },
  upload_not_usable: { status: 422, type: 'invalid_request_error', zh: '这张照片不能用于本次答复，请重新上传', en: 'This upload cannot be used here (another session’s, another application’s, or already used)' },
  payload_too_large: { status: 413, type: 'invalid_request_error', zh: '请求内容太大', en: 'The request body is too large' },
  idempotency_conflict: { status: 409, type: 'idempotency_error', zh: '请求重复且内容不一致，请刷新后重试', en: 'This Idempotency-Key was used with a different request' },
  lock_conflict: { status: 409, type: 'api_error', zh: '系统繁忙，请稍后再试', en: 'A concurrent request holds this resource; retry', retryable: true },
  rate_limited: { status: 429, type: 'rate_limit_error', zh: '操作太频繁，请稍后再试', en: 'Too many requests', retryable: true },
  internal_error: { status: 500, type: 'api_error', zh: '服务暂时出了点问题，请稍后再试', en: 'The registry had a problem', retryable: true },
  service_unavailable: { status: 503, type: 'api_error', zh: '服务暂时不可用，请稍后再试', en: 'The registry is unavailable', retryable: true },
} as const satisfies Record<string, ErrorCodeInfo>
export type ErrorCode = keyof typeof ERROR_CODES

export const errorBody = z.object({
  error: z.object({
    type: z.enum(ERROR_TYPES),
    code: z.string(),
    message: z.string(),
    param: z.optional(z.string()),
    request_id: z.string(),
  }),
})
export type ErrorBody = z.infer<typeof errorBody>

/** Build an error body for a code (the registry and the sandbox use this). */
export function makeErrorBody(code: ErrorCode, requestId: string, extra: { param?: string; message?: string } = {}): ErrorBody {
  const info: ErrorCodeInfo = ERROR_CODES[code]
  const error: ErrorBody['error'] = { type: info.type, code, message: extra.message ?? info.zh, request_id: requestId }
  if (extra.param !== undefined) error.param = extra.param
  return { error }
}
