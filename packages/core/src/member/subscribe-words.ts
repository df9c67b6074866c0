/** The decision-notification button's words alone (zh-CN, en): the join flow's result step uses only these; MemberLabels carries them too. */
export const SUBSCRIBE_WORDS = {
  'zh-CN': { subscribe: '接收审核结果通知', subscribed: '审核结果会通知您' },
  en: { subscribe: 'Notify me of the decision', subscribed: 'You will be notified of the decision' },
} as const
