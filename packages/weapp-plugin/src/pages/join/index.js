// The plugin page plugin://ruhui/join?registryUrl=…&sessionId=…&joinToken=…&locale=zh-CN: the join
// flow on a page of its own. Results reach the host through configure({ onSuccess, onExit, onEvent }).
Page({
  data: { registryUrl: '', sessionId: '', joinToken: '', locale: 'zh-CN' },
  onLoad: function (query) {
    var q = query || {}
    var decode = function (v) {
      return v ? decodeURIComponent(v) : ''
    }
    this.setData({ registryUrl: decode(q.registryUrl), sessionId: decode(q.sessionId), joinToken: decode(q.joinToken), locale: q.locale === 'en' ? 'en' : 'zh-CN' })
  },
  onExit: function () {
    // The driver left the flow: back to the host's page (the host heard onExit already).
    if (typeof wx.navigateBack === 'function') wx.navigateBack({ delta: 1 })
  },
})
