// The plugin's main file: what `requirePlugin('ruhui')` gives the host mini-program.
//   requirePlugin('ruhui').configure({ refreshToken, getPhone, verifyFace, prefill, onSuccess, onExit, onEvent })
// Every host capability is a function returning a promise (see doc/README.md). WeChat forbids the
// phone-number button inside plugins: the host runs it and hands the result over with getPhone.
var host = require('./host.js')

module.exports = {
  configure: host.configure,
}
