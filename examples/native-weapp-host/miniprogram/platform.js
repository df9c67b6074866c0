// The platform's backend, as the driver app calls it (examples/platform-backend): it holds the
// platform's secret key and WeChat credentials, so none of them is in the mini-program.
const { PLATFORM_URL } = require('./config.js')

function post(path, body) {
  return new Promise((resolve, reject) => {
    wx.request({
      url: PLATFORM_URL + path,
      method: 'POST',
      header: { 'Content-Type': 'application/json' },
      data: JSON.stringify(body || {}),
      dataType: 'json',
      success: (res) => (res.statusCode >= 200 && res.statusCode < 300 ? resolve(res.data) : reject(new Error((res.data && res.data.error && res.data.error.message) || 'HTTP ' + res.statusCode))),
      fail: (err) => reject(new Error(err.errMsg)),
    })
  })
}

module.exports = {
  /** A join session for the signed-in driver: { session_id, join_token, expires_at }. */
  joinSession: (driverId) => post('/api/drivers/' + driverId + '/join-session'),
  /** A fresh token for the same session (the component's `needtoken`). */
  refreshToken: (sessionId) => post('/api/join-sessions/' + sessionId + '/refresh'),
  /** WeChat's getPhoneNumber code → the verified mobile (the component's `phonecode`). */
  phoneNumber: (driverId, code) => post('/api/drivers/' + driverId + '/phone-number', { code: code }),
  /** The platform's facial verification (the component's `needface`). */
  faceCheck: (driverId) => post('/api/drivers/' + driverId + '/face-check'),
}
