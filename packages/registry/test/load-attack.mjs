// The attacker of under-load.test.ts, in a process of its own (so the test's /health probe is not
// slowed by the attack's own work): `bodies BASE_URL` sends 16 parallel 300 MB bodies to the
// sign-in route five times over, made on the fly; `guess BASE_URL` runs 20 clients guessing
// passwords for 3 s. Prints one JSON line of what the registry answered.
import { request } from 'node:http'

const [mode, baseUrl] = process.argv.slice(2)
const MB = 1024 * 1024
const chunk = Buffer.alloc(MB, 0x61)

/** POST a 300 MB body; resolves with the status once the registry answers, or 0 if it hangs up first. */
function hugeSignIn(withLength) {
  return new Promise((resolve, reject) => {
    const req = request(new URL('/v1/review/sign-in', baseUrl), { method: 'POST', headers: { 'content-type': 'application/json', ...(withLength ? { 'content-length': String(300 * MB) } : {}) } })
    let sent = 0
    let answered = false
    req.on('response', (res) => {
      answered = true
      res.resume()
      resolve({ status: res.statusCode, sentMb: Math.round(sent / MB) })
      req.destroy()
    })
    // The registry closes the connection while we still write (it said `connection: close`): refused too.
    req.on('error', (e) => (answered ? undefined : ['EPIPE', 'ECONNRESET'].includes(e.code) ? resolve({ status: 0, sentMb: Math.round(sent / MB) }) : reject(e)))
    const pump = () => {
      while (!answered && sent < 300 * MB) {
        sent += MB
        if (!req.write(chunk)) return void req.once('drain', pump)
      }
      if (!answered) req.end()
    }
    req.write('{"login":"nj-admin","password":"')
    pump()
  })
}

if (mode === 'bodies') {
  let results = []
  for (let round = 0; round < 5; round++) results = results.concat(await Promise.all(Array.from({ length: 16 }, (_, i) => hugeSignIn(i % 2 === 0))))
  console.log(JSON.stringify(results))
} else if (mode === 'guess') {
  const statuses = []
  const until = Date.now() + 3000
  await Promise.all(
    Array.from({ length: 20 }, async (_, i) => {
      const login = [' nj-admin', 'nj-admin ', 'NJ-ADMIN', 'nj-admin'][i % 4]
      // Each client guesses as soon as its answer comes, at most 10 a second (200 a second in all, a hundred
      // times what one login is allowed): a flood, without the attacker's own loop taking the shared CPU.
      while (Date.now() < until) {
        const res = await fetch(new URL('/v1/review/sign-in', baseUrl), { method: 'POST', body: JSON.stringify({ login, password: 'wrong-guess' }) })
        await res.arrayBuffer()
        statuses.push(res.status)
        await new Promise((r) => setTimeout(r, 100))
      }
    }),
  )
  console.log(JSON.stringify(statuses))
}
