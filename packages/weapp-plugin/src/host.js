// What the host mini-program passed to configure(): one module, shared by the plugin's main
// file and its component (which requires it as ../../host.js), so both see the same options.
var options = {}
var FUNCTIONS = ['refreshToken', 'getPhone', 'verifyFace', 'prefill', 'onSuccess', 'onExit', 'onEvent']

module.exports = {
  configure: function configure(next) {
    var given = next || {}
    Object.keys(given).forEach(function (key) {
      if (FUNCTIONS.indexOf(key) < 0) throw new TypeError('[@ruhui/weapp-plugin] configure: unknown option "' + key + '"; known: ' + FUNCTIONS.join(', '))
      if (typeof given[key] !== 'function') throw new TypeError('[@ruhui/weapp-plugin] configure: ' + key + ' must be a function')
    })
    options = Object.assign({}, given)
  },
  current: function current() {
    return options
  },
}
