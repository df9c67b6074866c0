/**
 * Exports for a date range and region: CSV (UTF-8 with BOM, so Excel opens Chinese text) and
 * XLSX (ExcelJS's streaming writer), streamed a page of rows at a time. Personal data stays masked;
 * every export is audit-logged with its filter and row count.
 */
import { PassThrough, Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { type ApplicationStatus, enumLabel } from '@ruhui/core'
import { toChinaTime } from '@ruhui/core/contract'
import { lookupRegion } from '@ruhui/core/regions'
import { type Caller, Refusal, type RegistryContext, iso } from './context'
import { reviewerScope } from './scope'
import { type RangeFilter, chinaDayBounds, checkRangeFilter } from './range-filter'

type Reviewer = Extract<Caller, { kind: 'reviewer' }>

export const EXPORT_COLUMNS: Array<[key: string, header: string]> = [
  ['id', '申请编号'],
  ['submitted_at', '提交时间'],
  ['status', '状态'],
  ['name', '姓名（脱敏）'],
  ['id_number', '证件号码（脱敏）'],
  ['mobile', '手机号码（脱敏）'],
  ['county', '常驻地代码'],
  ['county_name', '常驻地'],
  ['org_id', '工会组织编号'],
  ['org_name', '工会组织'],
  ['tier', '匹配层级'],
  ['platform_id', '平台'],
  ['decided_at', '审批时间'],
  ['volunteer', '积极分子/志愿者'],
]

/** Rows read from the database at a time: an export holds one page, whatever its length. */
const PAGE = 1000

type Filtered = ReturnType<typeof filtered>

/** The applications in the reviewer's subtree that the filter selects, submitted up to `until`. */
function filtered(ctx: RegistryContext, reviewer: Reviewer, f: RangeFilter, until: string) {
  const scope = [...reviewerScope(ctx, reviewer)]
  let q = ctx.db.selectFrom('applications').where('org_id', 'in', scope)
  const bounds = chinaDayBounds(f)
  if (bounds.from) q = q.where('submitted_at', '>=', bounds.from)
  q = q.where('submitted_at', '<=', bounds.to && bounds.to < until ? bounds.to : until)
  if (f.region_prefix) q = q.where('base_county', 'like', `${f.region_prefix}%`)
  return q
}

/** The rows, masked, oldest first, a page at a time (keyset pagination on submitted_at, id). */
async function* exportPages(q: Filtered): AsyncGenerator<Array<Record<string, string>>> {
  let after: { submitted_at: string; id: string } | undefined
  for (;;) {
    let page = q.select(['id', 'submitted_at', 'status', 'name_masked', 'id_masked', 'mobile_masked', 'base_county', 'org_id', 'org_name', 'tier', 'platform_id', 'decided_at', 'volunteer'])
    if (after) {
      const a = after
      page = page.where((eb) => eb.or([eb('submitted_at', '>', a.submitted_at), eb.and([eb('submitted_at', '=', a.submitted_at), eb('id', '>', a.id)])]))
    }
    const rows = await page.orderBy('submitted_at').orderBy('id').limit(PAGE).execute()
    if (rows.length === 0) return
    yield rows.map((a) => ({
      id: a.id,
      submitted_at: toChinaTime(Date.parse(a.submitted_at)),
      status: enumLabel('applicationStatus', a.status as ApplicationStatus, 'zh-CN'),
      name: a.name_masked,
      id_number: a.id_masked,
      mobile: a.mobile_masked,
      county: a.base_county,
      county_name: lookupRegion(a.base_county)?.fullName ?? '',
      org_id: a.org_id ?? '',
      org_name: a.org_name ?? '',
      tier: a.tier ?? '',
      platform_id: a.platform_id,
      decided_at: a.decided_at ? toChinaTime(Date.parse(a.decided_at)) : '',
      volunteer: a.volunteer === 1 ? '是' : '否',
    }))
    if (rows.length < PAGE) return
    const last = rows[rows.length - 1] as { submitted_at: string; id: string }
    after = { submitted_at: last.submitted_at, id: last.id }
  }
}

const csvCell = (v: unknown) => {
  const s = String(v ?? '')
  // Quote what needs it; neutralise spreadsheet formulas (a cell starting = + - @ tab or CR, as OWASP advises).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** CSV, UTF-8 with a BOM, written page by page. */
function csvStream(pages: AsyncGenerator<Array<Record<string, string>>>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const line = (cells: unknown[]) => `${cells.map(csvCell).join(',')}\r\n`
  let started = false
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true
        controller.enqueue(encoder.encode(`\uFEFF${line(EXPORT_COLUMNS.map(([, h]) => h))}`))
        return
      }
      const next = await pages.next()
      if (next.done) return controller.close()
      controller.enqueue(encoder.encode(next.value.map((r) => line(EXPORT_COLUMNS.map(([k]) => r[k]))).join('')))
    },
    async cancel() {
      await pages.return(undefined)
    },
  })
}

/** XLSX through ExcelJS's streaming writer: each page of rows is committed to the zip as it comes. */
function xlsxStream(pages: AsyncGenerator<Array<Record<string, string>>>, title: string): ReadableStream<Uint8Array> {
  const out = new PassThrough()
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true })
  book.creator = 'ruhui registry'
  book.created = new Date(0) // reproducible files: no wall-clock time inside
  void (async () => {
    const sheet = book.addWorksheet('入会申请')
    sheet.columns = EXPORT_COLUMNS.map(([key, header]) => ({ key, header, width: Math.max(10, header.length * 2 + 2) }))
    sheet.getRow(1).font = { bold: true }
    const byStatus = new Map<string, number>()
    let total = 0
    for await (const page of pages) {
      for (const r of page) {
        sheet.addRow(r).commit()
        byStatus.set(r.status as string, (byStatus.get(r.status as string) ?? 0) + 1)
        total++
      }
    }
    sheet.commit()
    const summary = book.addWorksheet('汇总')
    summary.addRow(['导出范围', title]).commit()
    summary.addRow(['申请总数', total]).commit()
    for (const [k, v] of byStatus) summary.addRow([k, v]).commit()
    summary.commit()
    await book.commit()
  })().catch((e: unknown) => out.destroy(e as Error))
  return Readable.toWeb(out) as ReadableStream<Uint8Array>
}

/**
 * An export as a stream: the rows are counted (for the audit log and the `x-export-rows` header),
 * then read a page at a time while the file is sent, so memory stays bounded however many there are.
 */
export async function exportApplications(ctx: RegistryContext, reviewer: Reviewer, format: string, q: Record<string, string | undefined>) {
  if (format !== 'csv' && format !== 'xlsx') throw new Refusal('parameter_invalid', { param: 'format', message: '导出格式为 csv 或 xlsx' })
  const f = checkRangeFilter(q)
  const query = filtered(ctx, reviewer, f, iso(ctx.now())) // what was submitted by now: the count and the file agree
  const rows = Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0)
  const title = `${f.from ?? '开始'} 至 ${f.to ?? '今天'}${f.region_prefix ? `，地区 ${f.region_prefix}` : ''}`
  await ctx.writer.run((trx) => trx.insertInto('audit_log').values({ actor: reviewer.id, action: `export_${format}`, subject: JSON.stringify({ ...f, rows }), created_at: iso(ctx.now()) }).execute())
  const name = `ruhui-applications-${f.from ?? 'all'}-${f.to ?? 'now'}${f.region_prefix ? `-${f.region_prefix}` : ''}.${format}`
  if (format === 'csv') return { name, type: 'text/csv; charset=utf-8', body: csvStream(exportPages(query)), rows }
  return { name, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: xlsxStream(exportPages(query), title), rows }
}
