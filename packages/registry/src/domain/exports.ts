/**
 * Exports for a date range and region: CSV (UTF-8 with BOM, so Excel opens Chinese text) and
 * XLSX (ExcelJS). Personal data stays masked; every export is audit-logged with its filter.
 */
import ExcelJS from 'exceljs'
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

const STATUS_ZH: Record<string, string> = { submitted: '已提交', under_review: '审核中', needs_info: '待补充材料', approved: '已批准', rejected: '未通过', withdrawn: '已撤回', awaiting_assignment: '待分配组织' }

/** The applications in the reviewer's subtree that the filter selects, masked, oldest first. */
export async function exportRows(ctx: RegistryContext, reviewer: Reviewer, f: RangeFilter) {
  const scope = [...reviewerScope(ctx, reviewer)]
  let q = ctx.db.selectFrom('applications').selectAll().where('org_id', 'in', scope)
  const bounds = chinaDayBounds(f)
  if (bounds.from) q = q.where('submitted_at', '>=', bounds.from)
  if (bounds.to) q = q.where('submitted_at', '<=', bounds.to)
  if (f.region_prefix) q = q.where('base_county', 'like', `${f.region_prefix}%`)
  const rows = await q.orderBy('submitted_at').orderBy('id').execute()
  return rows.map((a) => ({
    id: a.id,
    submitted_at: toChinaTime(Date.parse(a.submitted_at)),
    status: STATUS_ZH[a.status] ?? a.status,
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
}

const csvCell = (v: unknown) => {
  const s = String(v ?? '')
  // Quote what needs it; neutralise spreadsheet formulas (a cell starting = + - @).
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function toCsv(rows: Array<Record<string, unknown>>): string {
  const lines = [EXPORT_COLUMNS.map(([, h]) => csvCell(h)).join(',')]
  for (const r of rows) lines.push(EXPORT_COLUMNS.map(([k]) => csvCell(r[k])).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

export async function toXlsx(rows: Array<Record<string, unknown>>, title: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = 'ruhui registry'
  book.created = new Date(0) // reproducible files: no wall-clock time inside
  const sheet = book.addWorksheet('入会申请')
  sheet.columns = EXPORT_COLUMNS.map(([key, header]) => ({ key, header, width: Math.max(10, header.length * 2 + 2) }))
  sheet.getRow(1).font = { bold: true }
  for (const r of rows) sheet.addRow(r)
  const summary = book.addWorksheet('汇总')
  summary.addRow(['导出范围', title])
  summary.addRow(['申请总数', rows.length])
  const byStatus = new Map<string, number>()
  for (const r of rows) byStatus.set(String(r.status), (byStatus.get(String(r.status)) ?? 0) + 1)
  for (const [k, v] of byStatus) summary.addRow([k, v])
  return Buffer.from(await book.xlsx.writeBuffer())
}

export async function exportApplications(ctx: RegistryContext, reviewer: Reviewer, format: string, q: Record<string, string | undefined>) {
  if (format !== 'csv' && format !== 'xlsx') throw new Refusal('parameter_invalid', { param: 'format', message: '导出格式为 csv 或 xlsx' })
  const f = checkRangeFilter(q)
  const rows = await exportRows(ctx, reviewer, f)
  const title = `${f.from ?? '开始'} 至 ${f.to ?? '今天'}${f.region_prefix ? `，地区 ${f.region_prefix}` : ''}`
  await ctx.writer.run((trx) => trx.insertInto('audit_log').values({ actor: reviewer.id, action: `export_${format}`, subject: JSON.stringify({ ...f, rows: rows.length }), created_at: iso(ctx.now()) }).execute())
  const name = `ruhui-applications-${f.from ?? 'all'}-${f.to ?? 'now'}${f.region_prefix ? `-${f.region_prefix}` : ''}.${format}`
  if (format === 'csv') return { name, type: 'text/csv; charset=utf-8', body: Buffer.from(toCsv(rows), 'utf8'), rows: rows.length }
  return { name, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await toXlsx(rows, title), rows: rows.length }
}
