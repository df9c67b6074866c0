// The accessibility attributes a mini-program's base library reads on its components (WeChat:
// aria-component, since 2.7.1) and Taro's own templates leave out. One table for the build (the
// templates) and the runtime (the attribute names Taro sends to them); '' means no default value.
const aria = () => ({ 'aria-role': '', 'aria-label': '' })

module.exports = { View: aria(), Text: aria(), Input: aria(), Button: aria() }
