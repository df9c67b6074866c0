// /v1/stats with 1,000,000 applications, on SQLite and on PostgreSQL: p50/p95 latency for a
// province's and a city's reviewer (whole range, and one month), and the registry's memory
// (resident set) before and after, from its own /metrics. The rows are made by the database itself
// (a recursive CTE on SQLite, generate_series on PostgreSQL) over the sample directory's grassroots
// unions: a third approved (with members), submissions every 15 s over ~half a year.
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import pg from 'pg'
import { generateKeyEnv } from '@ruhui/registry'

const BIN = new URL('../packages/registry/bin/ruhui-registry.mjs', import.meta.url).pathname
const ROWS = Number(process.env.BENCH_STATS_ROWS ?? 1_000_000)
const SAMPLES = 20
const T0 = 1_780_000_000 // 2026-05-28 UTC, seconds

// The same rows on both dialects: row i → union i mod k, status by i mod 3, approved after i mod 200 hours.
const SQLITE_FILL = `
create temp table borg as select row_number() over (order by id) - 1 as k, id, name, region_code from orgs where id like 'org_nf_%';
insert into applications (id, session_id, platform_id, person_key, open_key, status, org_id, org_name, tier, config_version, applicant_enc, name_masked, id_masked, mobile_masked, base_county, consents, volunteer, submitted_at, updated_at, decided_at)
with recursive n(i) as (select 0 union all select i + 1 from n where i < ${ROWS - 1})
select 'app_m' || i, 'ses_m' || i, 'P-BENCH', 'pk_m' || i, null, case i % 3 when 0 then 'approved' when 1 then 'under_review' else 'submitted' end, b.id, b.name, 'industry', 'bench', 'x', '**机', '3201**********123X', '138****0000', b.region_code, '[]', i % 7 = 0,
  strftime('%Y-%m-%dT%H:%M:%S.000Z', ${T0} + i * 15, 'unixepoch'), strftime('%Y-%m-%dT%H:%M:%S.000Z', ${T0} + i * 15, 'unixepoch'),
  case when i % 3 = 0 then strftime('%Y-%m-%dT%H:%M:%S.000Z', ${T0} + i * 15 + (i % 200) * 3600, 'unixepoch') end
from n join borg b on b.k = i % (select count(*) from borg);
insert into members (person_key, org_id, status, join_date, card_number, application_id, updated_at)
select person_key, org_id, 'active', substr(decided_at, 1, 10), 'card_' || id, id, decided_at from applications where id like 'app_m%' and status = 'approved';
analyze;`

const PG_FILL = `
create temp table borg as select (row_number() over (order by id) - 1)::int as k, id, name, region_code from orgs where id like 'org_nf_%';
insert into applications (id, session_id, platform_id, person_key, open_key, status, org_id, org_name, tier, config_version, applicant_enc, name_masked, id_masked, mobile_masked, base_county, consents, volunteer, submitted_at, updated_at, decided_at)
select 'app_m' || i, 'ses_m' || i, 'P-BENCH', 'pk_m' || i, null, case i % 3 when 0 then 'approved' when 1 then 'under_review' else 'submitted' end, b.id, b.name, 'industry', 'bench', 'x', '**机', '3201**********123X', '138****0000', b.region_code, '[]', (i % 7 = 0)::int,
  to_char(to_timestamp(${T0} + i * 15) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS".000Z"'), to_char(to_timestamp(${T0} + i * 15) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS".000Z"'),
  case when i % 3 = 0 then to_char(to_timestamp(${T0} + i * 15 + (i % 200) * 3600) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS".000Z"') end
from generate_series(0, ${ROWS - 1}) i join borg b on b.k = i % (select count(*) from borg);
insert into members (person_key, org_id, status, join_date, card_number, application_id, updated_at)
select person_key, org_id, 'active', substr(decided_at, 1, 10), 'card_' || id, id, decided_at from applications where id like 'app_m%' and status = 'approved';`

function startRegistry(dataDir, env) {
  const p = spawn(process.execPath, [BIN, 'start', '--port', '0', '--data-dir', dataDir], { env: { ...process.env, ...env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((resolve, reject) => {
    let buf = ''
    p.stdout.on('data', (c) => {
      buf += c
      const m = /"port":(\d+)/.exec(buf)
      if (m) resolve({ process: p, base: `http://127.0.0.1:${m[1]}` })
    })
    p.stderr.on('data', (c) => (buf += c))
    p.on('exit', (code) => reject(new Error(`exited ${code}: ${buf.slice(-1000)}`)))
  })
}

const rss = async (base) => Number(/^process_resident_memory_bytes (\S+)$/m.exec(await (await fetch(`${base}/metrics`)).text())?.[1] ?? NaN)
const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]

async function measure(label, dataDir, env, fill) {
  const cli = (args) => JSON.parse(spawnSync(process.execPath, [BIN, ...args, '--data-dir', dataDir], { env: { ...process.env, ...env }, encoding: 'utf8' }).stdout.trim().split('\n').pop())
  cli(['seed'])
  cli(['platform', 'create', '--name', '压测平台', '--id', 'P-BENCH'])
  const province = cli(['reviewer', 'create', '--org', 'org_lf_32', '--name', '江苏省']).key
  const city = cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京市']).key
  const started = performance.now()
  await fill()
  const fillSeconds = (performance.now() - started) / 1000
  const { process: p, base } = await startRegistry(dataDir, env)
  const before = await rss(base)
  const lines = []
  let peak = before
  for (const [who, key] of [['province (江苏)', province], ['city (南京)', city]]) {
    for (const [range, query] of [['all', ''], ['one month', '?from=2026-07-01&to=2026-07-31']]) {
      const times = []
      let submitted = 0
      for (let i = 0; i < SAMPLES + 2; i++) {
        const t = performance.now()
        const res = await fetch(`${base}/v1/stats${query}`, { headers: { authorization: `Bearer ${key}` } })
        const body = await res.json()
        if (res.status !== 200) throw new Error(`/v1/stats ${res.status}: ${JSON.stringify(body)}`)
        if (i >= 2) times.push(performance.now() - t) // two warm-ups
        submitted = body.funnel.submitted
      }
      peak = Math.max(peak, await rss(base))
      lines.push({ who, range, submitted, p50: q(times, 0.5), p95: q(times, 0.95) })
    }
  }
  const after = await rss(base)
  await new Promise((resolve) => {
    p.once('exit', resolve)
    p.kill('SIGTERM')
  })
  console.log(`  ${label}: ${ROWS.toLocaleString('en')} applications made in ${fillSeconds.toFixed(0)} s; registry RSS ${(before / 2 ** 20).toFixed(0)} MB before, ${(peak / 2 ** 20).toFixed(0)} MB peak, ${(after / 2 ** 20).toFixed(0)} MB after`)
  for (const l of lines) console.log(`    ${l.who.padEnd(16)} ${l.range.padEnd(10)} ${String(l.submitted).padStart(8)} counted   p50 ${l.p50.toFixed(0).padStart(5)} ms   p95 ${l.p95.toFixed(0).padStart(5)} ms`)
  return { label, worstP95: Math.max(...lines.map((l) => l.p95)), rssGrowthMB: (peak - before) / 2 ** 20 }
}

export async function benchStatsMillion() {
  console.log(`\n## /v1/stats with ${ROWS.toLocaleString('en')} applications (${SAMPLES} requests each after 2 warm-ups)`)
  const results = []
  const only = process.env.BENCH_STATS_DIALECT // 'sqlite' or 'postgres' to measure one
  const dir = mkdtempSync(join(tmpdir(), 'ruhui-stats-'))
  if (only !== 'postgres') try {
    results.push(
      await measure('SQLite', dir, {}, async () => {
        const db = new BetterSqlite3(join(dir, 'registry.sqlite'))
        db.exec(SQLITE_FILL)
        db.close()
      }),
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  if (only === 'sqlite') return results
  const { startPgCluster, createDatabase } = await import('../packages/registry/test/pg-cluster.mjs')
  const cluster = await startPgCluster()
  const pgDir = mkdtempSync(join(tmpdir(), 'ruhui-stats-'))
  try {
    const url = createDatabase(cluster.url, 'ruhui_stats_bench')
    results.push(
      await measure('PostgreSQL', pgDir, { DATABASE_URL: url, ...generateKeyEnv() }, async () => {
        const client = new pg.Client({ connectionString: url })
        await client.connect()
        await client.query(PG_FILL)
        await client.query('vacuum analyze') // not in the fill's implicit transaction
        await client.end()
      }),
    )
  } finally {
    cluster.stop()
    rmSync(pgDir, { recursive: true, force: true })
  }
  return results
}

if (import.meta.url === `file://${process.argv[1]}`) await benchStatsMillion()
