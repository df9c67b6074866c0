// Where the app finds the union registry and the platform's own backend. Both must be in the
// mini-program's request allow-list (request合法域名, HTTPS) in the WeChat admin console.
module.exports = {
  REGISTRY_URL: 'http://127.0.0.1:8787',
  PLATFORM_URL: 'http://127.0.0.1:8788',
}
