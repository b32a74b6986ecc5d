// The dashboard's read model (issue 14): what the Mini App shows, built from the same queries and
// domain rules as /indeks and /progres, and formatted the same way on the server, so the page and
// the chat agree to the digit. Scoping follows the chat commands: every member sees the index
// (/indeks), a koordinator or pimpinan every OPD (/progres), a PIC only their own OPDs (/ceklis).
import { countItemsByOpd, listOpenItemDues } from '../db/checklists.ts';
import type { Db } from '../db/client.ts';
import { findEvaluation, loadEvaluationContext } from '../db/evaluations.ts';
import { listOpds } from '../db/opds.ts';
import { listOwnerMap } from '../db/owners.ts';
import { listStages } from '../db/stages.ts';
import { effectiveDueDate } from '../domain/checklists.ts';
import { formatDateId, formatIsoDate, parseIsoDate, toLocalDate } from '../domain/dates.ts';
import { formatDecimal } from '../domain/decimal.ts';
import { indexOverview } from '../domain/index-overview.ts';
import { formatFraction, formatSignedFraction } from '../domain/numbers.ts';
import type { Role } from '../domain/roles.ts';
import { STAGE_LABELS } from '../domain/stages.ts';

export interface DashboardViewer {
  personId: number;
  workspace: { id: number; name: string; slug: string; timeZone: string; targetUnits: number | null };
  roles: Role[];
  opdIds: number[];
}

export interface OpdRow {
  id: number;
  code: string;
  name: string;
  selesai: number;
  diajukan: number;
  /** belum, proses and revisi */
  terbuka: number;
  /** open items past their own or their stage's deadline */
  terlambat: number;
  /** items but the cancelled ones */
  total: number;
  /** the earliest deadline still ahead among its open items: ISO and as people read it */
  nearestDue: { iso: string; text: string } | null;
  /** indicators this OPD owns */
  indicators: number[];
  mine: boolean;
}

export interface DashboardSummary {
  workspace: { name: string; slug: string };
  viewer: { roles: Role[]; seesAllOpds: boolean };
  today: { iso: string; text: string };
  evaluation: { year: number; framework: string } | null;
  index: {
    stage: string;
    value: string | null;
    predicate: string | null;
    /** indicators without a level yet, while the index cannot be computed */
    missing: number;
    indicators: number;
    target: string | null;
    /** index − target, signed ("-0,21", "+0,05") */
    gap: string | null;
    stages: { label: string; value: string | null }[];
    groupKind: 'Domain' | 'Aspek';
    groups: { no: number; name: string; value: string | null }[];
  } | null;
  opds: OpdRow[];
}

const units = (u: number) => formatFraction({ num: u, den: 10_000 });

export function seesAllOpds(roles: readonly Role[]): boolean {
  return roles.includes('koordinator') || roles.includes('pimpinan');
}

export async function dashboardSummary(db: Db, viewer: DashboardViewer, now: Date): Promise<DashboardSummary> {
  const ws = viewer.workspace;
  const todayDate = toLocalDate(now, ws.timeZone);
  const today = formatIsoDate(todayDate);
  const all = seesAllOpds(viewer.roles);
  const base = {
    workspace: { name: ws.name, slug: ws.slug },
    viewer: { roles: viewer.roles, seesAllOpds: all },
    today: { iso: today, text: formatDateId(todayDate) },
  };
  const evaluation = await findEvaluation(db, ws.id);
  if (!evaluation) return { ...base, evaluation: null, index: null, opds: [] };
  const ev = await loadEvaluationContext(db, ws.id);
  const fw = ev.framework.def;
  const o = indexOverview(fw, ev.recorded, null, ws.targetUnits);
  const groups = o.report.domains.length > 0 ? o.report.domains : o.report.aspects;
  const index = {
    stage: STAGE_LABELS[o.stage],
    value: o.report.totalUnits === null ? null : units(o.report.totalUnits),
    predicate: o.report.predicate ?? null,
    missing: o.report.missing.length,
    indicators: fw.indicators.length,
    target: ws.targetUnits === null ? null : formatDecimal(ws.targetUnits, 4, 2),
    gap: o.targetGapUnits === null ? null : formatSignedFraction({ num: o.targetGapUnits, den: 10_000 }),
    stages: o.stageTotals.map((s) => ({ label: STAGE_LABELS[s.stage], value: s.totalUnits === null ? null : units(s.totalUnits) })),
    groupKind: (o.report.domains.length > 0 ? 'Domain' : 'Aspek') as 'Domain' | 'Aspek',
    groups: groups.map((g) => ({ no: g.no, name: g.name, value: g.value ? formatFraction(g.value) : null })),
  };
  const [opds, counts, dues, stages, owners] = await Promise.all([
    listOpds(db, ws.id), countItemsByOpd(db, ws.id, evaluation.id), listOpenItemDues(db, ws.id, evaluation.id),
    listStages(db, evaluation.id), listOwnerMap(db, ws.id),
  ]);
  const stageDue = new Map(stages.map((s) => [s.kind, s.dueDate]));
  const rows = new Map<number, OpdRow>();
  for (const opd of opds) {
    if (!all && !viewer.opdIds.includes(opd.id)) continue;
    rows.set(opd.id, {
      id: opd.id, code: opd.code, name: opd.name, selesai: 0, diajukan: 0, terbuka: 0, terlambat: 0, total: 0,
      nearestDue: null, indicators: [], mine: viewer.opdIds.includes(opd.id),
    });
  }
  for (const c of counts) {
    const row = rows.get(c.opdId);
    if (!row || c.status === 'dibatalkan') continue;
    const n = c._count._all;
    row.total += n;
    if (c.status === 'selesai') row.selesai += n;
    else if (c.status === 'diajukan') row.diajukan += n;
    else row.terbuka += n;
  }
  for (const item of dues) {
    const row = rows.get(item.opdId);
    const due = effectiveDueDate(item.dueDate, item.stage ? stageDue.get(item.stage) ?? null : null);
    if (!row || !due) continue;
    if (due < today) row.terlambat++;
    else if (!row.nearestDue || due < row.nearestDue.iso) row.nearestDue = { iso: due, text: '' };
  }
  for (const owner of owners) rows.get(owner.opdId)?.indicators.push(owner.indicator.no);
  for (const row of rows.values()) {
    row.indicators.sort((a, b) => a - b);
    if (row.nearestDue) row.nearestDue.text = formatDateId(parseIsoDate(row.nearestDue.iso)!);
  }
  return { ...base, evaluation: { year: evaluation.year, framework: fw.name }, index, opds: [...rows.values()] };
}
