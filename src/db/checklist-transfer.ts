// The checklist as a table: export the items of one evaluation, and apply an edited table back,
// every row or none. Row contents were checked by src/domain/checklist-import.ts; what only the
// database knows (does this id belong to this workspace and evaluation?) is checked here, before
// anything is written; the writing itself is src/db/checklist-staging.ts.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ChecklistImportRow, ChecklistSheetRow } from '../domain/checklist-import.ts';
import { checkChecklistTableYielding } from '../domain/checklist-import.ts';
import { ITEM_STATUSES } from '../domain/checklists.ts';
import { evaluationDateRange } from '../domain/dates.ts';
import type { Table } from '../domain/score-import.ts';
import { listOpds } from './opds.ts';
import type { Actor } from './audit.ts';
import { applyChecklistPlan, ChecklistImportError } from './checklist-staging.ts';
import type { ApplyOptions, ChecklistImportSummary } from './checklist-staging.ts';
import type { ChecklistItem } from '../generated/prisma/client.ts';
import type { Db, Queryable } from './client.ts';

export { carryOverChecklist, generateChecklistItems } from './checklist-seeding.ts';
export { applyChecklistPlan, ChecklistImportError } from './checklist-staging.ts';
export type { ApplyOptions, ChecklistImportSummary } from './checklist-staging.ts';

/** Rows planned, and stored items looked up, between two pauses. */
const PLAN_SLICE = 1_000;

export async function exportChecklist(db: Db, workspaceId: number, evaluationId: number): Promise<ChecklistSheetRow[]> {
  const items = await db.checklistItem.findMany({
    where: { workspaceId, evaluationId },
    include: {
      opd: { select: { code: true } },
      indicator: { select: { no: true, name: true } },
      assignee: { select: { username: true, telegramId: true } },
    },
  });
  const rows = items.map((item): ChecklistSheetRow => ({
    id: item.id, opd: item.opd.code, indicatorNo: item.indicator?.no ?? null, stage: item.stage, level: item.level,
    title: item.title, description: item.description, dueDate: item.dueDate,
    assignee: item.assignee === null ? null : item.assignee.username ? `@${item.assignee.username}` : item.assignee.telegramId.toString(),
    status: item.status, indicatorName: item.indicator?.name ?? null, updatedAt: item.updatedAt,
  }));
  // by OPD, then indicator (items without one last), so each OPD's part reads like its checklist
  return rows.sort((a, b) => a.opd.localeCompare(b.opd)
    || (a.indicatorNo ?? Infinity) - (b.indicatorNo ?? Infinity) || a.id - b.id);
}

/** What people may write for an assignee → person id: "username" (lowercased) and the Telegram id. */
export async function listAssigneeKeys(db: Db, workspaceId: number): Promise<Map<string, number>> {
  const members = await db.member.findMany({ where: { workspaceId, removedAt: null }, include: { person: true } });
  const keys = new Map<string, number>();
  for (const { person } of members) {
    keys.set(person.telegramId.toString(), person.id);
    if (person.username) keys.set(person.username.toLowerCase(), person.id);
  }
  return keys;
}

export interface ChecklistImportInput {
  workspaceId: number;
  evaluationId: number;
  rows: readonly ChecklistImportRow[];
}

interface NewItemData {
  opdId: number;
  indicatorId: number | null;
  stage: string | null;
  level: number | null;
  title: string;
  description: string | null;
  dueDate: string | null;
  assigneeId: number | null;
  status: string;
}

export interface ChecklistImportPlan {
  errors: string[];
  creates: { row: ChecklistImportRow; data: NewItemData }[];
  /** `fields`: the import columns whose value changes; `data`: their new values by item field; `opdId`: the row's OPD */
  updates: { row: ChecklistImportRow; id: number; opdId: number; fields: string[]; data: Record<string, unknown> }[];
  unchanged: number;
}

/**
 * Compares the rows with what is stored; an id outside this workspace's evaluation is a row error.
 * `pause` is awaited between slices of rows, so 50 000 of them never hold the event loop for long.
 */
export async function planChecklistImport(db: Queryable, input: ChecklistImportInput, pause: () => Promise<void> = () => nextTurn()): Promise<ChecklistImportPlan> {
  const evaluation = await db.evaluation.findFirstOrThrow({ where: { id: input.evaluationId, workspaceId: input.workspaceId } });
  const opds = new Map((await db.opd.findMany({ where: { workspaceId: input.workspaceId } })).map((o) => [o.code, o.id]));
  const indicators = new Map((await db.indicator.findMany({ where: { frameworkId: evaluation.frameworkId }, select: { id: true, no: true } }))
    .map((i) => [i.no, i.id]));
  const ids = input.rows.flatMap((r) => (r.id === null ? [] : [r.id]));
  const stored = new Map<number, ChecklistItem>();
  for (let i = 0; i < ids.length; i += PLAN_SLICE) {
    for (const item of await db.checklistItem.findMany({ where: { workspaceId: input.workspaceId, id: { in: ids.slice(i, i + PLAN_SLICE) } } })) {
      stored.set(item.id, item);
    }
    await pause();
  }

  const plan: ChecklistImportPlan = { errors: [], creates: [], updates: [], unchanged: 0 };
  let sinceYield = 0;
  for (const row of input.rows) {
    if (++sinceYield >= PLAN_SLICE) {
      sinceYield = 0;
      await pause();
    }
    const opdId = opds.get(row.opdCode);
    const indicatorId = row.indicatorNo == null ? row.indicatorNo : indicators.get(row.indicatorNo);
    const fail = (message: string) => plan.errors.push(`Baris ${row.rowNo}: ${message}`);
    // the domain check saw the same lists; these only catch an OPD removed in the meantime
    if (opdId === undefined) fail(`OPD "${row.opdCode}" tidak dikenal di workspace ini.`);
    if (row.indicatorNo != null && indicatorId === undefined) fail(`indikator "${row.indicatorNo}" tidak dikenal.`);
    if (opdId === undefined || (indicatorId === undefined && row.indicatorNo != null)) continue;
    if (row.id === null) {
      plan.creates.push({
        row,
        data: {
          opdId, indicatorId: indicatorId ?? null, stage: row.stage ?? null, level: row.level ?? null,
          title: row.title, description: row.description ?? null, dueDate: row.dueDate ?? null,
          assigneeId: row.assigneeId ?? null, status: row.status ?? 'belum',
        },
      });
      continue;
    }
    const item = stored.get(row.id);
    if (!item) {
      fail(`butir ceklis id ${row.id} tidak ada di workspace ini; kosongkan id untuk butir baru.`);
      continue;
    }
    if (item.evaluationId !== null && item.evaluationId !== input.evaluationId) {
      fail(`butir ceklis id ${row.id} milik evaluasi tahun lain, bukan ${evaluation.year}.`);
      continue;
    }
    const wanted: [string, string, unknown][] = [
      ['opd', 'opdId', opdId], ['indikator', 'indicatorId', indicatorId], ['tahap', 'stage', row.stage],
      ['tingkat', 'level', row.level], ['judul', 'title', row.title], ['deskripsi', 'description', row.description],
      ['tenggat', 'dueDate', row.dueDate], ['penanggung_jawab', 'assigneeId', row.assigneeId], ['status', 'status', row.status],
    ];
    const fields: string[] = [];
    const data: Record<string, unknown> = {};
    for (const [column, key, value] of wanted) {
      if (value === undefined || item[key as keyof typeof item] === value) continue;
      fields.push(column);
      data[key] = value;
    }
    if (fields.length === 0) plan.unchanged++;
    else plan.updates.push({ row, id: item.id, opdId, fields, data });
  }
  return plan;
}

/**
 * Plans and applies every row, or none (ChecklistImportError), with one audit entry. The rows are
 * written in small steps that let the event loop run (src/db/checklist-staging.ts).
 */
export async function applyChecklistImport(db: Db, input: ChecklistImportInput, actor: Actor, now = new Date(),
  options: ApplyOptions = {}): Promise<ChecklistImportSummary> {
  const plan = await planChecklistImport(db, input, options.pause);
  if (plan.errors.length > 0) throw new ChecklistImportError(plan.errors);
  return applyChecklistPlan(db, input, plan, actor, now, options);
}

/** Checks a table against this workspace's OPDs, members and framework (shared by CLI and bot). */
export async function checkChecklistTableFor(db: Db, workspaceId: number, evaluation: { year: number; indicatorNos: readonly number[] },
  table: Table, pause: () => Promise<void> = () => nextTurn()) {
  const [opds, assignees] = await Promise.all([listOpds(db, workspaceId), listAssigneeKeys(db, workspaceId)]);
  return checkChecklistTableYielding(table, {
    opdCodes: new Set(opds.map((o) => o.code)), indicatorNos: evaluation.indicatorNos, assignees, statuses: ITEM_STATUSES,
    dueDates: evaluationDateRange(evaluation.year),
  }, pause);
}
