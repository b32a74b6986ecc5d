// Applying a planned checklist import, every row or none, without stopping the bot. better-sqlite3
// is synchronous and Prisma's calls on it resolve without ever yielding to the event loop, so one
// transaction writing 50 000 rows held everything (timers, polling, other users) for about a
// minute. Instead the rows are staged (ChecklistImportRow) in small transactions with a pause
// between them, and one short transaction moves them into ChecklistItem with two set-based
// statements, after checking again what may have changed meanwhile. A failure before or inside
// that transaction leaves ChecklistItem as it was; the staged rows are deleted either way.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Prisma } from '../generated/prisma/client.ts';
import type { Actor } from './audit.ts';
import { recordAudit } from './audit.ts';
import { INSERT_BATCH, insertRows } from './bulk-insert.ts';
import { executeRaw, queryRaw, sequence } from './raw-sql.ts';
import type { ChecklistImportInput, ChecklistImportPlan } from './checklist-transfer.ts';
import type { Db } from './client.ts';
import { replanWorkspace } from './reminder-plan.ts';

export class ChecklistImportError extends Error {
  constructor(readonly errors: string[]) {
    super(`Impor dibatalkan, tidak ada yang disimpan (${errors.length} kesalahan):\n${errors.join('\n')}`);
  }
}

export interface ChecklistImportSummary {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ApplyOptions {
  /** told after each staged batch: rows staged so far, rows to stage */
  onProgress?: (done: number, total: number) => void;
  /** awaited between batches (default: the next turn of the event loop) */
  pause?: () => Promise<void>;
}

/** Rows per staging transaction: ~10 ms of synchronous work each. */
export const STAGE_BATCH = INSERT_BATCH;

/** Staged imports older than this were cut off (a crash, a restart): nothing is applying them. */
const ABANDONED_AFTER_MS = 60 * 60_000;

/** One bit per item field an update may change: an update writes only the fields whose bit is set. */
const FIELD_BITS = {
  opdId: 1, indicatorId: 2, stage: 4, level: 8, title: 16, description: 32, dueDate: 64, assigneeId: 128, status: 256,
} as const;
type Field = keyof typeof FIELD_BITS;
const FIELDS = Object.keys(FIELD_BITS) as Field[];
const quoted = (column: string) => `"${column}"`;

type StagedRow = Prisma.ChecklistImportRowCreateManyInput;
const STAGED_COLUMNS = ['importId', 'rowNo', 'itemId', 'fields', 'opdId', 'indicatorId', 'stage', 'level', 'title', 'description', 'dueDate', 'assigneeId', 'status'] as const;

function stagedRows(importId: number, plan: ChecklistImportPlan): StagedRow[] {
  const creates = plan.creates.map(({ row, data }): StagedRow => ({ importId, rowNo: row.rowNo, itemId: null, fields: 0, ...data }));
  const updates = plan.updates.map(({ row, id, opdId, data }): StagedRow => {
    const value = <T>(field: Field, fallback: T) => (field in data ? data[field] as T : fallback);
    return {
      importId, rowNo: row.rowNo, itemId: id,
      fields: FIELDS.reduce((bits, field) => (field in data ? bits | FIELD_BITS[field] : bits), 0),
      opdId: value('opdId', opdId), indicatorId: value<number | null>('indicatorId', null), stage: value<string | null>('stage', null),
      level: value<number | null>('level', null), title: value('title', row.title), description: value<string | null>('description', null),
      dueDate: value<string | null>('dueDate', null), assigneeId: value<number | null>('assigneeId', null), status: value('status', ''),
    };
  });
  return [...creates, ...updates];
}

/** Applies a plan (errors already refused): staged in batches, then moved in by one short transaction. */
export async function applyChecklistPlan(db: Db, input: ChecklistImportInput, plan: ChecklistImportPlan, actor: Actor, now: Date,
  options: ApplyOptions = {}): Promise<ChecklistImportSummary> {
  if (plan.errors.length > 0) throw new ChecklistImportError(plan.errors);
  const total = plan.creates.length + plan.updates.length;
  if (total === 0) return { created: 0, updated: 0, unchanged: plan.unchanged };
  const pause = options.pause ?? (() => nextTurn());
  await db.checklistImport.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - ABANDONED_AFTER_MS) } } });
  const staging = await db.checklistImport.create({
    data: { workspaceId: input.workspaceId, evaluationId: input.evaluationId, personId: actor.personId, rowCount: total, createdAt: now },
  });
  try {
    const rows = stagedRows(staging.id, plan);
    for (let i = 0; i < rows.length; i += STAGE_BATCH) {
      await insertRows(db, 'ChecklistImportRow', STAGED_COLUMNS, rows.slice(i, i + STAGE_BATCH));
      options.onProgress?.(Math.min(i + STAGE_BATCH, rows.length), rows.length);
      await pause();
    }
    return await db.$transaction((tx) => moveStagedRows(tx, staging.id, input, plan, actor, now), { timeout: 60_000 });
  } finally {
    // A failed delete leaves rows no one reads; the next import's clean-up above removes them.
    await db.checklistImport.delete({ where: { id: staging.id } }).catch(() => undefined);
  }
}

const MAX_REPORTED = 100;

/**
 * What changed since the plan and would make a staged row wrong: its item gone or moved out of
 * this evaluation, its OPD removed, its assignee no longer a member. Set-based: three queries.
 */
async function findStaleRows(tx: Prisma.TransactionClient, importId: number, input: ChecklistImportInput): Promise<string[]> {
  const { workspaceId, evaluationId } = input;
  const query = (sql: string, ...args: unknown[]) => queryRaw<{ rowNo: number | bigint; itemId: number | bigint | null }>(tx, sql, ...args);
  // One after another: the transaction's one connection takes one query at a time.
  const [items, opds, people] = await sequence([
    () => query(`SELECT r."rowNo", r."itemId" FROM "ChecklistImportRow" r
      LEFT JOIN "ChecklistItem" i ON i."id" = r."itemId" AND i."workspaceId" = ? AND (i."evaluationId" IS NULL OR i."evaluationId" = ?)
      WHERE r."importId" = ? AND r."itemId" IS NOT NULL AND i."id" IS NULL ORDER BY r."rowNo" LIMIT ${MAX_REPORTED}`, workspaceId, evaluationId, importId),
    () => query(`SELECT r."rowNo", r."itemId" FROM "ChecklistImportRow" r
      WHERE r."importId" = ? AND (r."itemId" IS NULL OR (r."fields" & ${FIELD_BITS.opdId}) <> 0)
      AND NOT EXISTS (SELECT 1 FROM "Opd" o WHERE o."id" = r."opdId" AND o."workspaceId" = ?) ORDER BY r."rowNo" LIMIT ${MAX_REPORTED}`, importId, workspaceId),
    () => query(`SELECT r."rowNo", r."itemId" FROM "ChecklistImportRow" r
      WHERE r."importId" = ? AND (r."itemId" IS NULL OR (r."fields" & ${FIELD_BITS.assigneeId}) <> 0) AND r."assigneeId" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "Member" m WHERE m."personId" = r."assigneeId" AND m."workspaceId" = ? AND m."removedAt" IS NULL)
      ORDER BY r."rowNo" LIMIT ${MAX_REPORTED}`, importId, workspaceId),
  ] as const);
  const problems = [
    ...items.map((r) => [Number(r.rowNo), `butir ceklis id ${Number(r.itemId)} sudah tidak ada di evaluasi ini (berubah selama impor).`] as const),
    ...opds.map((r) => [Number(r.rowNo), 'OPD-nya dihapus dari workspace selama impor.'] as const),
    ...people.map((r) => [Number(r.rowNo), 'penanggung jawabnya bukan lagi anggota workspace ini.'] as const),
  ];
  return problems.sort((a, b) => a[0] - b[0]).slice(0, MAX_REPORTED).map(([rowNo, text]) => `Baris ${rowNo}: ${text}`);
}

const ITEM_COLUMNS = ['opdId', 'indicatorId', 'stage', 'level', 'title', 'description', 'dueDate', 'assigneeId', 'status'] as const;

/** The one short transaction: re-check, insert the new items, update the changed ones, audit, replan. */
async function moveStagedRows(tx: Prisma.TransactionClient, importId: number, input: ChecklistImportInput, plan: ChecklistImportPlan,
  actor: Actor, now: Date): Promise<ChecklistImportSummary> {
  const staged = await tx.checklistImportRow.count({ where: { importId } });
  if (staged !== plan.creates.length + plan.updates.length) throw new Error(`staged import ${importId} has ${staged} rows, not ${plan.creates.length + plan.updates.length}`);
  const stale = await findStaleRows(tx, importId, input);
  if (stale.length > 0) throw new ChecklistImportError(stale);

  // The new items' ids come back from the statement itself (RETURNING, in both databases): with
  // several bot processes another item may be inserted meanwhile, so no range of ids is assumed.
  // Workspace, evaluation, actor and time come from the staged import's own row.
  const returned = await queryRaw<{ id: number | bigint }>(tx,
    `INSERT INTO "ChecklistItem" ("workspaceId", "evaluationId", ${ITEM_COLUMNS.map(quoted).join(', ')}, "statusAt", "createdById", "createdAt", "updatedAt")
     SELECT i."workspaceId", i."evaluationId", ${ITEM_COLUMNS.map((c) => `r.${quoted(c)}`).join(', ')}, i."createdAt", i."personId", i."createdAt", i."createdAt"
     FROM "ChecklistImportRow" r JOIN "ChecklistImport" i ON i."id" = r."importId"
     WHERE r."importId" = ? AND r."itemId" IS NULL ORDER BY r."rowNo" RETURNING "id"`,
    importId);
  const inserted = returned.length;
  if (inserted !== plan.creates.length) throw new Error(`import ${importId} inserted ${inserted} items, not ${plan.creates.length}`);
  // Only the fields whose bit is set; a new status starts its clock again, and a reason belongs
  // only to revisi or dibatalkan.
  const set = ITEM_COLUMNS.map((c) => `${quoted(c)} = CASE WHEN (r."fields" & ${FIELD_BITS[c]}) <> 0 THEN r.${quoted(c)} ELSE "ChecklistItem".${quoted(c)} END`);
  const updated = await executeRaw(tx,
    `UPDATE "ChecklistItem" SET ${set.join(', ')},
       "statusAt" = CASE WHEN (r."fields" & ${FIELD_BITS.status}) <> 0 THEN ? ELSE "ChecklistItem"."statusAt" END,
       "revisionReason" = CASE WHEN (r."fields" & ${FIELD_BITS.status}) <> 0 AND r."status" NOT IN ('revisi', 'dibatalkan') THEN NULL ELSE "ChecklistItem"."revisionReason" END,
       "updatedAt" = ?
     FROM "ChecklistImportRow" r WHERE r."importId" = ? AND r."itemId" = "ChecklistItem"."id"`,
    now, now, importId);
  if (updated !== plan.updates.length) throw new Error(`import ${importId} updated ${updated} items, not ${plan.updates.length}`);

  const createdIds = returned.map((r) => Number(r.id)).sort((a, b) => a - b);
  await recordAudit(tx, actor, {
    workspaceId: input.workspaceId, action: 'checklist.import', entity: 'evaluation', entityId: input.evaluationId,
    detail: { dibuat: createdIds, diubah: plan.updates.map((u) => ({ id: u.id, kolom: u.fields })), sama: plan.unchanged },
  });
  await replanWorkspace(tx, input.workspaceId, now);
  return { created: createdIds.length, updated, unchanged: plan.unchanged };
}
