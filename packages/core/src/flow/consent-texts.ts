/** The two separate consents of PIPL Arts. 29 and 23, as shown; hashed and recorded with their version. */
export interface ConsentText {
  version: string
  title: string
  body: string
}

export interface ConsentTexts {
  /** 敏感个人信息单独同意 (Art. 29): the ID number. */
  sensitive: ConsentText
  /** 向工会提供个人信息单独同意 (Art. 23): sharing with the chosen union. */
  share: ConsentText
  /** Optional: sharing the driver's record with transport departments and industry associations (共享数据信息). */
  partners?: ConsentText
}

export const DEFAULT_CONSENT_TEXTS: ConsentTexts = {
  sensitive: {
    version: '2026-11',
    title: '敏感个人信息处理同意',
    body: '为办理入会、核实身份和确保一人一个会籍，需要处理您的身份证件号码（敏感个人信息）。号码加密保存，仅用于入会和会籍管理，不用于其他目的；您可以随时撤回同意。',
  },
  share: {
    version: '2026-11',
    title: '向工会提供个人信息同意',
    body: '您的姓名、证件号码、手机号码和常驻地将提供给您选择的工会组织，用于审核入会申请和提供会员服务。货运平台只会知道办理进度，不会获得您的会员信息。',
  },
  partners: {
    version: '2026-11',
    title: '与交通运输部门、行业协会共享（可选）',
    body: '同意后，您的会员身份（姓名和手机号码脱敏）、所在工会和入会日期可提供给交通运输部门和物流行业协会，用于为货车司机提供服务。不同意不影响入会。',
  },
}
