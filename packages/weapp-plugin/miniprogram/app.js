// The plugin's test host in WeChat DevTools: host capabilities go in once, at launch.
App({
  onLaunch: function () {
    requirePlugin('ruhui').configure({
      // A fresh join token from the platform's backend (its POST /api/join-sessions/:id/refresh).
      refreshToken: function () {
        return Promise.reject(new Error('the test host has no backend'))
      },
      onSuccess: function (r) {
        console.log('入会结果', r.status)
      },
    })
  },
})
