/** Loaded by the build plugin before the app; exports nothing. */
export {}
