/**
 * Every word the join flow shows, zh-CN first, English available: one set for every shell that renders
 * the flow (@ruhui/taro, @ruhui/weapp and its plugin, the hosted page). A host overrides any of them.
 */
import type { EmploymentForm } from '../enums'
import type { FieldName, ResultKind } from './types'

export interface FlowLabels {
  button: string
  introTitle: string
  introLead: string
  introMembersGet: string
  introNonMembersGet: string
  introNoServices: string
  start: string
  notNow: string
  /** The sensitive-information consent (Art. 29), before the ID number. */
  consentTitle: string
  consentLead: string
  accept: string
  decline: string
  /** Back one step. */
  back: string
  /** The provision to the chosen union (Art. 23): its own step after the union is chosen. */
  shareTitle: string
  shareLead: string
  /** The optional consents beside it, each its own switch, off by default. */
  optionalConsents: string
  switchOn: string
  switchOff: string
  /** The charter declaration: the last step, whose button submits. */
  charterTitle: string
  charterLead: string
  acceptAndSubmit: string
  /** Prefilled fields: read-only, each with its own 修改. */
  prefilledNote: string
  prefillVerified: string
  edit: string
  /** The home region: the province buttons, the full-screen picker and its type-ahead. */
  regionLead: string
  regionSearch: string
  /** '{n}' is the number of places listed. */
  regionCount: string
  regionNoMatch: string
  chooseTownship: string
  /** What sets a union apart on the union step. */
  unionKind: string
  unionServes: string
  unionCovers: string
  confirmUnion: string
  identityTitle: string
  fields: Record<Exclude<FieldName, 'homeParkId'>, string>
  placeholders: Record<Exclude<FieldName, 'employmentForm' | 'homeParkId'>, string>
  optional: string
  chooseRegion: string
  regionBack: string
  skipTownship: string
  countyCode: string
  /** The optional question under the home county, when it has logistics parks. */
  parkQuestion: string
  parkNone: string
  /** Whom to contact: the chosen union, or the one that will assign one. */
  contactTitle: string
  contactPhone: string
  contactAddress: string
  contactHours: string
  /** Read out after the selected choice. */
  selectedSuffix: string
  employmentForms: Record<EmploymentForm, string>
  usePhoneNumber: string
  /** In a mini-program plugin, where WeChat's phone button is not allowed: the host's verified number. */
  useHostPhone: string
  mobileVerified: string
  verifyFace: string
  faceVerified: string
  next: string
  unionTitle: string
  unionLead: string
  assignerNote: string
  submit: string
  submitting: string
  queuedTitle: string
  queuedBody: string
  retryNow: string
  results: Record<ResultKind, { title: string; body: string }>
  cardNumber: string
  membersNowHave: string
  volunteer: string
  volunteered: string
  refreshStatus: string
  statusReason: string
  requestTransfer: string
  done: string
  close: string
  offline: string
  busy: string
}

export const zhCNFlowLabels: FlowLabels = {
  button: '加入工会',
  introTitle: '加入工会，有组织有依靠',
  introLead: '货车司机可以在线加入工会，全程网上办理，几分钟就好。',
  introMembersGet: '入会后可以享受',
  introNonMembersGet: '现在不是会员也可以使用',
  introNoServices: '会员服务清单加载中',
  start: '开始入会',
  notNow: '暂不加入',
  consentTitle: '敏感个人信息处理同意',
  consentLead: '填写身份证件号码之前，请先阅读下面的说明。',
  accept: '同意',
  decline: '不同意',
  back: '上一步',
  shareTitle: '向工会提供个人信息',
  shareLead: '您的申请要交给所选工会审核，请阅读并确认：',
  optionalConsents: '以下两项可选，默认不同意，不影响入会',
  switchOn: '已同意',
  switchOff: '未同意',
  charterTitle: '入会声明',
  charterLead: '最后一步：请阅读入会声明，同意后即提交申请。',
  acceptAndSubmit: '同意并提交',
  prefilledNote: '以下信息由平台提供，如有不对可点“修改”',
  prefillVerified: '平台已核验实名',
  edit: '修改',
  regionLead: '您常驻（经常接单、停车）在哪里？',
  regionSearch: '输入城市或区县名',
  regionCount: '共 {n} 个',
  regionNoMatch: '没有找到，换个写法试试',
  chooseTownship: '选择乡镇（街道）',
  unionKind: '类型',
  unionServes: '服务对象',
  unionCovers: '覆盖范围',
  confirmUnion: '确认',
  identityTitle: '填写身份信息',
  fields: { name: '姓名', idNumber: '身份证件号码', mobile: '手机号码', employmentForm: '从业方式', county: '常驻地', township: '乡镇（街道）', employerUscc: '所在单位统一社会信用代码', plate: '车牌号', licenseClass: '准驾车型' },
  placeholders: { name: '与证件一致', idNumber: '18 位身份证号码', mobile: '11 位手机号码', county: '6 位数字，如 320115（江宁区）', township: '9 位数字，可不填', employerUscc: '18 位，受雇司机填写', plate: '如 苏A12345', licenseClass: '如 A2' },
  optional: '（选填）',
  chooseRegion: '点此选择省、市、区县和乡镇（街道）',
  regionBack: '返回上一级',
  skipTownship: '不选乡镇（街道），就到区县',
  countyCode: '或直接填写区县代码',
  parkQuestion: '您常在哪个物流园区装卸货？（选填）',
  parkNone: '都不是 / 不填',
  contactTitle: '工会联系方式',
  contactPhone: '电话',
  contactAddress: '地址',
  contactHours: '办公时间',
  selectedSuffix: '，已选择',
  employmentForms: { employee: '受雇于运输企业', platform_self_employed: '个体司机（平台接单）', owner_operator_employer: '车主并雇有司机', affiliated: '挂靠车辆（车挂在运输公司名下，自己经营）', other: '其他' },
  usePhoneNumber: '使用微信绑定的手机号',
  useHostPhone: '使用平台已验证的手机号',
  mobileVerified: '手机号已验证',
  verifyFace: '人脸核验',
  faceVerified: '人脸核验已通过',
  next: '下一步',
  unionTitle: '选择工会',
  unionLead: '根据您的情况，推荐以下工会组织：',
  assignerNote: '暂未找到可以直接接收您的工会，将由以下工会为您安排：',
  submit: '提交申请',
  submitting: '正在提交…',
  queuedTitle: '申请已保存',
  queuedBody: '当前网络不好，申请已保存在手机上，联网后会自动提交，不会重复提交。',
  retryNow: '立即重试',
  results: {
    pending_review: { title: '申请已提交', body: '工会将在审核后通知您，一般 5 个工作日内完成。' },
    approved: { title: '入会成功', body: '欢迎加入工会！您的电子会员卡如下。' },
    needs_assignment: { title: '申请已提交', body: '工会正在为您安排合适的基层工会，安排后会通知您。' },
    transfer_required: { title: '您已是工会会员', body: '您的会籍在其他工会，可以申请把会籍转到所选工会（会籍接转）。' },
    transfer_requested: { title: '已申请会籍接转', body: '转出和转入工会确认后，会籍接转即完成。' },
    needs_info: { title: '需要补充材料', body: '工会审核时需要您补充信息，请按下面的说明联系工会。' },
    rejected: { title: '申请未通过', body: '工会没有通过这次申请，原因如下。如有疑问可联系工会。' },
  },
  cardNumber: '会员卡号',
  membersNowHave: '您现在可以享受',
  volunteer: '我愿意当工会积极分子、志愿者',
  volunteered: '已报名，工会会和您联系',
  refreshStatus: '刷新审核进度',
  statusReason: '说明',
  requestTransfer: '申请会籍接转',
  done: '完成',
  close: '关闭',
  offline: '网络已断开，填写的内容会保存',
  busy: '请稍候…',
}

export const enFlowLabels: FlowLabels = {
  button: 'Join the union',
  introTitle: 'Join the trade union',
  introLead: 'Truck drivers can join online, start to finish, in a few minutes.',
  introMembersGet: 'Members get',
  introNonMembersGet: 'Open to everyone now',
  introNoServices: 'Loading member services',
  start: 'Start',
  notNow: 'Not now',
  consentTitle: 'Sensitive personal information',
  consentLead: 'Before you type your ID number, please read this.',
  accept: 'Agree',
  decline: 'Decline',
  back: 'Back',
  shareTitle: 'Your information for the union',
  shareLead: 'Your application goes to the union you chose for review. Please read and confirm:',
  optionalConsents: 'Both below are optional and off unless you switch them on; joining does not depend on them',
  switchOn: 'On',
  switchOff: 'Off',
  charterTitle: 'Membership declaration',
  charterLead: 'Last step: read the declaration; agreeing submits your application.',
  acceptAndSubmit: 'Agree and submit',
  prefilledNote: 'The platform filled these in; tap “Change” if anything is wrong',
  prefillVerified: 'Real name verified by the platform',
  edit: 'Change',
  regionLead: 'Where are you based (where you mostly take orders and park)?',
  regionSearch: 'Type a city or county name',
  regionCount: '{n} places',
  regionNoMatch: 'Nothing found; try another spelling',
  chooseTownship: 'Choose the township',
  unionKind: 'Type',
  unionServes: 'Serves',
  unionCovers: 'Covers',
  confirmUnion: 'Confirm',
  identityTitle: 'Your details',
  fields: { name: 'Name', idNumber: 'ID number', mobile: 'Mobile', employmentForm: 'How you work', county: 'Home county', township: 'Township', employerUscc: 'Employer credit code', plate: 'Plate', licenseClass: 'Licence class' },
  placeholders: { name: 'As on your ID', idNumber: '18 characters', mobile: '11 digits', county: '6 digits, e.g. 320115', township: '9 digits, optional', employerUscc: '18 characters, if employed', plate: 'e.g. 苏A12345', licenseClass: 'e.g. A2' },
  optional: ' (optional)',
  chooseRegion: 'Tap to choose province, city, county and township',
  regionBack: 'Back',
  skipTownship: 'Skip the township: the county is enough',
  countyCode: 'or type the county code',
  parkQuestion: 'Which logistics park do you mostly load or unload at? (optional)',
  parkNone: 'None of these',
  contactTitle: 'How to reach the union',
  contactPhone: 'Phone',
  contactAddress: 'Address',
  contactHours: 'Office hours',
  selectedSuffix: ', selected',
  employmentForms: { employee: 'Employed by a haulier', platform_self_employed: 'Self-employed (platform orders)', owner_operator_employer: 'Owner with employed drivers', affiliated: 'Affiliated truck (registered under a haulier, run on your own account)', other: 'Other' },
  usePhoneNumber: 'Use my WeChat phone number',
  useHostPhone: 'Use the number the platform verified',
  mobileVerified: 'Mobile verified',
  verifyFace: 'Face check',
  faceVerified: 'Face check passed',
  next: 'Next',
  unionTitle: 'Choose your union',
  unionLead: 'These unions can take you in:',
  assignerNote: 'No union can take you in directly yet; this one will arrange it:',
  submit: 'Submit application',
  submitting: 'Submitting…',
  queuedTitle: 'Application saved',
  queuedBody: 'The network is weak. Your application is saved on the phone and will be sent once, when you are back online.',
  retryNow: 'Try now',
  results: {
    pending_review: { title: 'Application submitted', body: 'The union will let you know after review, usually within 5 working days.' },
    approved: { title: 'You are a member', body: 'Welcome to the union! Here is your e-card.' },
    needs_assignment: { title: 'Application submitted', body: 'The union is finding the right grassroots union for you.' },
    transfer_required: { title: 'You are already a member', body: 'Your membership is with another union; you can ask to transfer it.' },
    transfer_requested: { title: 'Transfer requested', body: 'The transfer completes when both unions confirm.' },
    needs_info: { title: 'More information needed', body: 'The union needs more from you; see the note below.' },
    rejected: { title: 'Not approved', body: 'The union did not approve this application; the reason is below.' },
  },
  cardNumber: 'Card number',
  membersNowHave: 'What you now have',
  volunteer: 'I would like to help as a union activist or volunteer',
  volunteered: 'Thank you, the union will be in touch',
  refreshStatus: 'Check progress',
  statusReason: 'Note',
  requestTransfer: 'Request transfer',
  done: 'Done',
  close: 'Close',
  offline: 'Offline: what you typed is kept',
  busy: 'Please wait…',
}

/** The words for a locale ('zh-CN' unless 'en'). */
export const flowLabels = (locale: string): FlowLabels => (locale === 'en' ? enFlowLabels : zhCNFlowLabels)
