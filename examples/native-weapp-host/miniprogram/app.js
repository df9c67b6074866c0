// A plain mini-program (WXML + JS, no framework): the freight platform's own app.
App({})
