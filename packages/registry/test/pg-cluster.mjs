// A throwaway PostgreSQL cluster on a loopback port: initdb + pg_ctl, removed afterwards.
// As root (CI) the server runs as the `postgres` user, since initdb refuses to run as root.
// Plain JS so that the tests and bench/registry.mjs share it.
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const BIN_DIRS = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin', '/usr/local/bin', '/usr/bin']

function findBin(name) {
  for (const d of BIN_DIRS) if (existsSync(join(d, name))) return join(d, name)
  throw new Error(`${name} not found: install Debian's postgresql (scripts/ensure-system-deps.sh does this in npm test)`)
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
    s.on('error', reject)
  })
}

/** @returns {Promise<{ url: string, stop(): void }>} */
export async function startPgCluster() {
  const root = mkdtempSync(join(tmpdir(), 'ruhui-pg-'))
  chmodSync(root, 0o777)
  const data = join(root, 'data')
  const port = await freePort()
  const asRoot = process.getuid?.() === 0
  const run = (bin, args) => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', findBin(bin), ...args]] : [findBin(bin), args]
    const r = spawnSync(cmd, argv, { encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`${bin} failed: ${r.stderr || r.stdout}`)
  }
  run('initdb', ['-D', data, '-U', 'ruhui', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8'])
  run('pg_ctl', ['-D', data, '-l', join(root, 'log'), '-w', '-o', `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200`, 'start'])
  return {
    url: `postgres://ruhui@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(root, { recursive: true, force: true })
      }
    },
  }
}

/** A fresh database in the cluster. */
export function createDatabase(clusterUrl, name) {
  const u = new URL(clusterUrl)
  execFileSync(findBin('psql'), ['-h', '127.0.0.1', '-p', u.port, '-U', 'ruhui', '-d', 'postgres', '-c', `create database ${name}`], { stdio: 'pipe' })
  u.pathname = `/${name}`
  return u.toString()
}
