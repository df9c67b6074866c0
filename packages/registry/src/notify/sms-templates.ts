/**
 * The SMS a driver receives for each decision. The registry sends the provider a template id and
 * its parameters; the words below are what an operator registers with the provider (短信模板).
 * Parameters never carry an ID number or a full name: only the union's name. Details (the
 * reviewer's reason, what to add) are read in the platform app, where the driver is signed in.
 */
export const SMS_TEMPLATES = {
  application_approved: { zh: '【工会入会】您的入会申请已通过，欢迎加入${union}。电子会员卡请在货运平台App“我的会籍”中查看。', en: 'Your application was approved: welcome to ${union}. Your e-card is in the freight app under My membership.' },
  application_rejected: { zh: '【工会入会】您向${union}提交的入会申请未获通过，原因请在货运平台App中查看；您可以重新申请。', en: 'Your application to ${union} was not approved; see why in the freight app. You may apply again.' },
  application_needs_info: { zh: '【工会入会】${union}需要您补充入会材料，请在货运平台App中查看并补充。', en: '${union} needs more information for your application; see what in the freight app.' },
  transfer_completed: { zh: '【工会入会】您的会员组织关系已转入${union}，入会时间不变。新的电子会员卡请在货运平台App中查看。', en: 'Your membership moved to ${union}; your join date is kept. The new e-card is in the freight app.' },
  transfer_rejected: { zh: '【工会入会】您的会员组织关系转接未能办理，会籍仍在${union}。详情请在货运平台App中查看。', en: 'Your membership transfer did not go through; you remain a member of ${union}. Details in the freight app.' },
  leave_confirmed: { zh: '【工会入会】${union}已确认您的退会申请，您的电子会员卡已停用。', en: '${union} confirmed that you have left the union; your e-card is no longer valid.' },
  leave_declined: { zh: '【工会入会】${union}暂未同意您的退会申请，原因请在货运平台App“我的会籍”中查看。', en: '${union} has not agreed to your request to leave; see why in the freight app under My membership.' },
  membership_retained: { zh: '【工会入会】${union}已为您办理保留会籍，电子会员卡继续有效。', en: '${union} has retained your membership; your e-card stays valid.' },
  membership_restored: { zh: '【工会入会】${union}已恢复您的会籍，电子会员卡请在货运平台App“我的会籍”中查看。', en: '${union} has restored your membership; your e-card is in the freight app under My membership.' },
  expelled: { zh: '【工会入会】${union}已决定取消您的会籍，您的电子会员卡已停用。如有异议请联系该工会。', en: '${union} has ended your membership; your e-card is no longer valid. Contact the union if you disagree.' },
} as const

export type SmsTemplate = keyof typeof SMS_TEMPLATES
export interface SmsParams {
  union: string
}

/** The text of a template with its parameters, as the provider would send it. */
export function renderSms(template: SmsTemplate, params: SmsParams, locale: 'zh' | 'en' = 'zh'): string {
  return SMS_TEMPLATES[template][locale].replaceAll('${union}', params.union)
}
