/**
 * Every word the member centre (我的会籍) shows, zh-CN first, English available: one set for
 * @ruhui/taro, @ruhui/weapp and the hosted page. A host overrides any of them. Status, reason and
 * service-kind words come from enumLabel (messages/enum-labels.ts).
 */
import { SUBSCRIBE_WORDS } from './subscribe-words'

export interface MemberLabels {
  title: string
  loading: string
  /** The session's driver is not (or no longer) a member. */
  notMember: string
  /** Not a member yet, an application on its way. */
  applicationOpen: string
  retry: string
  cardTitle: string
  cardNumber: string
  cardHolder: string
  joinedOn: string
  cardIssuedOn: string
  cardQrHint: string
  /** The card no longer counts (left, expelled): shown over it. */
  cardRevoked: string
  /** The card shown is the one kept on the phone (no signal, or not yet confirmed by the registry). */
  cardKept: string
  status: string
  union: string
  contactTitle: string
  contactPhone: string
  contactAddress: string
  contactHours: string
  historyTitle: string
  historyEmpty: string
  /** Not (yet) a member: the driver's applications and where they stand. */
  applicationsTitle: string
  servicesTitle: string
  servicesEmpty: string
  openService: string
  actionsTitle: string
  move: string
  moveTitle: string
  moveLead: string
  moveReason: string
  moveReasons: { relocation: string; job_change: string; platform_change: string }
  moveCounty: string
  /** Finding the county in words (move and update). */
  placeSearch: string
  placeNone: string
  moveCountyPlaceholder: string
  moveFindUnion: string
  moveChooseUnion: string
  moveSubmit: string
  moveSent: string
  /** A transfer is already under way: what it waits for. */
  movePending: string
  leave: string
  leaveTitle: string
  leaveLead: string
  leaveReason: string
  leaveNote: string
  leaveNotePlaceholder: string
  leaveConfirm: string
  leaveSent: string
  leaveCancel: string
  /** A request to leave waits for the union (shown until it decides). */
  leavePending: string
  leaveCancelled: string
  update: string
  updateTitle: string
  updateMobile: string
  updateCounty: string
  updateSubmit: string
  updateSaved: string
  back: string
  /** The union asked for more: what it asked, and the answer. */
  infoTitle: string
  infoLead: string
  infoChoosePhoto: string
  infoPhotoChosen: string
  infoSubmit: string
  infoSent: string
  subscribe: string
  subscribed: string
  close: string
}

export const zhCNMemberLabels: MemberLabels = {
  title: '我的会籍',
  loading: '正在加载会籍信息…',
  notMember: '您还不是工会会员，或会籍已经结束。',
  applicationOpen: '您的入会申请正在办理中。',
  retry: '重试',
  cardTitle: '工会会员电子会员卡',
  cardNumber: '会员卡号',
  cardHolder: '会员',
  joinedOn: '入会时间',
  cardIssuedOn: '发卡时间',
  cardQrHint: '在司机之家等服务点出示此二维码，工作人员扫码即可核验',
  cardRevoked: '此会员卡已失效',
  cardKept: '这是保存在手机上的会员卡，联网后自动更新',
  status: '会籍状态',
  union: '所在工会',
  contactTitle: '工会联系方式',
  contactPhone: '电话',
  contactAddress: '地址',
  contactHours: '办公时间',
  historyTitle: '会籍记录',
  historyEmpty: '暂无记录',
  applicationsTitle: '我的入会申请',
  servicesTitle: '会员服务',
  servicesEmpty: '您所在地区暂无会员服务',
  openService: '查看',
  actionsTitle: '办理',
  move: '转移会籍（接转）',
  moveTitle: '转移会籍',
  moveLead: '换了常驻地、工作或平台，可以把会籍转到新地方的工会；入会时间连续计算。两边工会都同意后完成。',
  moveReason: '转移原因',
  moveReasons: { relocation: '常驻地变了', job_change: '换了工作', platform_change: '换了平台' },
  moveCounty: '新的常驻地（区县）',
  placeSearch: '输入城市或区县名查找，如：合肥 蜀山',
  placeNone: '没有找到，请换个说法或直接填写区县代码',
  moveCountyPlaceholder: '或直接填写 6 位区县代码，如 340104',
  moveFindUnion: '查找新地方的工会',
  moveChooseUnion: '请选择接收您的工会',
  moveSubmit: '提交转移申请',
  moveSent: '已提交转移申请，原工会和新工会同意后完成，会员卡会换成新工会的。',
  movePending: '会籍转移办理中，等待两边工会同意。',
  leave: '退会',
  leaveTitle: '申请退会',
  leaveLead: '退会需要所在工会确认。确认后会员卡失效，会员服务停止。',
  leaveReason: '退会原因',
  leaveNote: '补充说明（选填）',
  leaveNotePlaceholder: '想对工会说的话',
  leaveConfirm: '确认申请退会',
  leaveSent: '已提交退会申请，等待工会确认。',
  leaveCancel: '撤回退会申请',
  leavePending: '您的退会申请正等待工会确认。',
  leaveCancelled: '已撤回退会申请，会籍不变。',
  update: '修改手机号和常驻地',
  updateTitle: '修改信息',
  updateMobile: '手机号',
  updateCounty: '常驻地（区县代码）',
  updateSubmit: '保存',
  updateSaved: '已保存',
  back: '返回',
  infoTitle: '工会请您补充材料',
  infoLead: '审核人员需要以下信息，补充后重新进入审核。',
  infoChoosePhoto: '拍照或从相册选择',
  infoPhotoChosen: '已选择照片',
  infoSubmit: '提交补充材料',
  infoSent: '已提交，申请重新进入审核。',
  subscribe: SUBSCRIBE_WORDS['zh-CN'].subscribe,
  subscribed: SUBSCRIBE_WORDS['zh-CN'].subscribed,
  close: '关闭',
}

export const enMemberLabels: MemberLabels = {
  title: 'My membership',
  loading: 'Loading your membership…',
  notMember: 'You are not a union member, or your membership has ended.',
  applicationOpen: 'Your application to join is being handled.',
  retry: 'Try again',
  cardTitle: 'Union membership e-card',
  cardNumber: 'Card number',
  cardHolder: 'Member',
  joinedOn: 'Member since',
  cardIssuedOn: 'Issued',
  cardQrHint: 'Show this QR code at a drivers’ home or other service point; staff scan it to check the card',
  cardRevoked: 'This card is no longer valid',
  cardKept: 'This is the card kept on your phone; it updates once you are online',
  status: 'Status',
  union: 'Union',
  contactTitle: 'Contact the union',
  contactPhone: 'Phone',
  contactAddress: 'Address',
  contactHours: 'Hours',
  historyTitle: 'History',
  historyEmpty: 'Nothing yet',
  applicationsTitle: 'My applications',
  servicesTitle: 'Member services',
  servicesEmpty: 'No member services in your region yet',
  openService: 'Open',
  actionsTitle: 'Requests',
  move: 'Move my membership',
  moveTitle: 'Move my membership',
  moveLead: 'Moved, changed jobs or platforms? Move your membership to the union where you are now; your membership stays continuous. It completes once both unions agree.',
  moveReason: 'Why',
  moveReasons: { relocation: 'I moved', job_change: 'New job', platform_change: 'New platform' },
  moveCounty: 'Where you are based now (county)',
  placeSearch: 'Type a city or county name, e.g. 合肥 蜀山',
  placeNone: 'Nothing found: try other words, or type the county code',
  moveCountyPlaceholder: 'or type the 6-digit county code, e.g. 340104',
  moveFindUnion: 'Find the union there',
  moveChooseUnion: 'Choose the union to move to',
  moveSubmit: 'Ask to move',
  moveSent: 'Your request to move has been sent. Once both unions agree, your card names the new union.',
  movePending: 'Your membership is moving; waiting for both unions.',
  leave: 'Leave the union',
  leaveTitle: 'Leave the union',
  leaveLead: 'Your union confirms that you leave. Then your card stops counting and member services end.',
  leaveReason: 'Reason',
  leaveNote: 'Anything to add (optional)',
  leaveNotePlaceholder: 'A word to your union',
  leaveConfirm: 'Ask to leave',
  leaveSent: 'Your request to leave has been sent; the union will confirm it.',
  leaveCancel: 'Take back my request to leave',
  leavePending: 'Your request to leave waits for the union to confirm it.',
  leaveCancelled: 'Your request to leave was taken back; your membership stays.',
  update: 'Change mobile and home region',
  updateTitle: 'Change my details',
  updateMobile: 'Mobile',
  updateCounty: 'Home region (county code)',
  updateSubmit: 'Save',
  updateSaved: 'Saved',
  back: 'Back',
  infoTitle: 'The union asks for more information',
  infoLead: 'The reviewer needs the following; once you answer, your application is reviewed again.',
  infoChoosePhoto: 'Take or choose a photo',
  infoPhotoChosen: 'Photo chosen',
  infoSubmit: 'Send',
  infoSent: 'Sent; your application is being reviewed again.',
  subscribe: SUBSCRIBE_WORDS.en.subscribe,
  subscribed: SUBSCRIBE_WORDS.en.subscribed,
  close: 'Close',
}

export const memberLabels = (locale: string | undefined): MemberLabels => (locale === 'en' ? enMemberLabels : zhCNMemberLabels)
