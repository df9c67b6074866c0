// The join page of a plain mini-program: it gets a join session from the platform's backend and
// renders <ruhui-join>. Every host capability is an event the page answers by calling the
// component back: needtoken → provideToken, phonecode → providePhone, needface → provideFace.
const { REGISTRY_URL } = require('../../config.js')
const platform = require('../../platform.js')

Page({
  data: { registryUrl: '', sessionId: '', joinToken: '', prefill: null, problem: '', outcome: '' },

  onLoad(query) {
    // The platform's own sign-in decides who the driver is; the demo takes the id from the query.
    this.driverId = (query && query.driver) || 'demo-driver'
    // What the component told the page, in order (opaque names and statuses only).
    this.log = []
    platform.joinSession(this.driverId).then(
      // With the session, what the platform already verified (its `prefill`): the component shows it read-only.
      (s) => this.setData({ registryUrl: REGISTRY_URL, sessionId: s.session_id, joinToken: s.join_token, prefill: s.prefill || null }),
      () => this.setData({ problem: '暂时无法开始入会，请稍后再试' }),
    )
  },

  ruhui() {
    return this.selectComponent('#ruhui')
  },

  onNeedToken() {
    platform.refreshToken(this.data.sessionId).then(
      (s) => this.ruhui().provideToken(s.join_token),
      () => this.ruhui().provideToken(null),
    )
  },

  onPhoneCode(e) {
    platform.phoneNumber(this.driverId, e.detail.code).then(
      (r) => this.ruhui().providePhone({ mobile: r.mobile, verifiedAt: r.verified_at }),
      () => this.ruhui().providePhone(null),
    )
  },

  onNeedFace() {
    platform.faceCheck(this.driverId).then(
      (r) => this.ruhui().provideFace({ passed: r.passed, verifiedAt: r.verified_at }),
      () => this.ruhui().provideFace(null),
    )
  },

  onFlowEvent(e) {
    // Opaque event names only, never personal data: fine for the platform's analytics.
    this.log.push(e.detail.name)
  },

  onSuccess(e) {
    // Opaque ids and a status; the platform's backend confirms them through the registry's signed webhook.
    this.log.push('success:' + e.detail.status)
    this.setData({ outcome: '已提交入会申请（' + e.detail.status + '）' })
  },

  onExit(e) {
    this.log.push('exit:' + e.detail.reason)
    this.setData({ outcome: '已退出入会（' + e.detail.reason + '）' })
  },
})
