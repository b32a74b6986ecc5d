// Checklist items: every query scoped by workspace (ids arrive from buttons and are re-scoped).
import type { Actor } from './audit.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './client.ts';
import { queryRaw } from './raw-sql.ts';
import { replanWorkspace } from './reminder-plan.ts';
import { OPEN_STATUSES } from '../domain/checklists.ts';

const OPEN = [...OPEN_STATUSES];

export interface NewItem {
  workspaceId: number;
  evaluationId: number | null;
  opdId: number;
  indicatorId: number | null;
  stage: string | null;
  level: number | null;
  title: string;
  description: string | null;
  dueDate: string | null;
  assigneeId: number | null;
}

export async function createItem(db: Db, input: NewItem, actor: Actor, now: Date) {
  return db.$transaction(async (tx) => {
    const item = await tx.checklistItem.create({ data: { ...input, createdById: actor.personId } });
    await recordAudit(tx, actor, { workspaceId: input.workspaceId, action: 'item.create', entity: 'item', entityId: item.id, detail: input });
    await replanWorkspace(tx, input.workspaceId, now);
    return item;
  });
}

const itemDetail = {
  opd: true,
  indicator: { select: { no: true, name: true, weight: true } },
  assignee: { select: { id: true, displayName: true, username: true, telegramId: true, privateChatAt: true } },
  evidence: { orderBy: { id: 'asc' as const }, include: { addedBy: { select: { displayName: true } } } },
};

/** One item of this workspace (null for an id of another workspace or none). */
export async function findItem(db: Db, workspaceId: number, itemId: number) {
  return db.checklistItem.findFirst({ where: { id: itemId, workspaceId }, include: itemDetail });
}

export type ItemWithDetail = NonNullable<Awaited<ReturnType<typeof findItem>>>;

interface OpdItemRow {
  id: number; title: string; status: string; dueDate: string | null; stage: string | null;
  due: string | null; indicatorNo: number | null; assigneeName: string | null; total: number | bigint;
}

// /ceklis pages: the page and the OPD's total in one plain statement (a window count), with the
// indicator number, assignee and due date (the item's own, else its stage's) joined, where the
// query builder sends five. Within a status, nearest due first and undated last, on both
// databases (left to each, SQLite put NULL first and PostgreSQL last).
const OPD_ITEMS_SQL = `SELECT i."id", i."title", i."status", i."dueDate", i."stage", COALESCE(i."dueDate", s."dueDate") AS "due",
  ind."no" AS "indicatorNo", p."displayName" AS "assigneeName", COUNT(*) OVER () AS "total"
FROM "ChecklistItem" i
LEFT JOIN "Stage" s ON s."evaluationId" = i."evaluationId" AND s."kind" = i."stage"
LEFT JOIN "Indicator" ind ON ind."id" = i."indicatorId"
LEFT JOIN "Person" p ON p."id" = i."assigneeId"
WHERE i."workspaceId" = ? AND i."evaluationId" = ? AND i."opdId" = ?
ORDER BY i."status", CASE WHEN COALESCE(i."dueDate", s."dueDate") IS NULL THEN 1 ELSE 0 END, COALESCE(i."dueDate", s."dueDate"), i."id"
LIMIT ? OFFSET ?`;

export async function listOpdItems(db: Db, workspaceId: number, evaluationId: number, opdId: number, page: number, perPage: number) {
  const rows = await queryRaw<OpdItemRow>(db, OPD_ITEMS_SQL, workspaceId, evaluationId, opdId, perPage, page * perPage);
  // A page past the end (an old button) has no row to carry the total.
  const total = rows[0] ? Number(rows[0].total)
    : page > 0 ? await db.checklistItem.count({ where: { workspaceId, evaluationId, opdId } }) : 0;
  const items = rows.map((r) => ({
    id: Number(r.id), title: r.title, status: r.status, dueDate: r.dueDate, stage: r.stage, due: r.due,
    indicator: r.indicatorNo === null ? null : { no: Number(r.indicatorNo) },
    assignee: r.assigneeName === null ? null : { displayName: r.assigneeName },
  }));
  return { total, items };
}

export async function listOpenItemsOf(db: Db, workspaceId: number, personId: number) {
  // /tugas: one statement with the OPD's name joined (the query builder sends three).
  const rows = await queryRaw<{ id: number; title: string; status: string; dueDate: string | null; stage: string | null; evaluationId: number | null; opdName: string }>(db,
    `SELECT i."id", i."title", i."status", i."dueDate", i."stage", i."evaluationId", o."name" AS "opdName"
     FROM "ChecklistItem" i JOIN "Opd" o ON o."id" = i."opdId"
     WHERE i."workspaceId" = ? AND i."assigneeId" = ? AND i."status" IN (${OPEN.map(() => '?').join(', ')})
     LIMIT 200`, workspaceId, personId, ...OPEN);
  return rows.map((r) => ({
    id: Number(r.id), title: r.title, status: r.status, dueDate: r.dueDate, stage: r.stage,
    evaluationId: r.evaluationId === null ? null : Number(r.evaluationId), opd: { name: r.opdName },
  }));
}

/** Moves an item only if nobody moved it meanwhile (the status it was read with). */
export async function changeItemStatus(db: Db, input: { workspaceId: number; itemId: number; from: string; to: string; reason: string | null; at: Date }, actor: Actor): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.checklistItem.updateMany({
      where: { id: input.itemId, workspaceId: input.workspaceId, status: input.from },
      data: { status: input.to, revisionReason: input.to === 'revisi' || input.to === 'dibatalkan' ? input.reason : null, statusAt: input.at },
    });
    if (count === 1) {
      await recordAudit(tx, actor, {
        workspaceId: input.workspaceId, action: 'item.status', entity: 'item', entityId: input.itemId,
        detail: { dari: input.from, ke: input.to, alasan: input.reason },
      });
      // A finished item's reminders go; a reopened one's come back.
      await replanWorkspace(tx, input.workspaceId, input.at);
    }
    return count === 1;
  });
}

export interface NewEvidence {
  kind: 'document' | 'photo' | 'link';
  telegramFileId: string | null;
  telegramFileUnique: string | null;
  fileName: string | null;
  fileSize: number | null;
  mimeType: string | null;
  url: string | null;
}

/** Keeps the evidence and moves the item to `to` (diajukan) in one transaction. */
export async function attachEvidence(db: Db, input: { workspaceId: number; itemId: number; from: string; to: string; evidence: NewEvidence; at: Date }, actor: Actor & { personId: number }) {
  return db.$transaction(async (tx) => {
    const item = await tx.checklistItem.findFirst({ where: { id: input.itemId, workspaceId: input.workspaceId } });
    if (!item) return false;
    await tx.evidence.create({ data: { itemId: item.id, addedById: actor.personId, ...input.evidence } });
    if (item.status === input.from && input.from !== input.to) {
      await tx.checklistItem.update({ where: { id: item.id }, data: { status: input.to, statusAt: input.at, revisionReason: null } });
    }
    await recordAudit(tx, actor, {
      workspaceId: input.workspaceId, action: 'item.evidence', entity: 'item', entityId: item.id,
      detail: { ...input.evidence, dari: item.status, ke: input.to },
    });
    await replanWorkspace(tx, input.workspaceId, input.at);
    return true;
  });
}

// The two groupings /progres and the dashboard make of an evaluation's items, as plain SQL (the
// query builder's groupBy costs more to build and map than the database takes to count), read
// from the covering index on (workspace, evaluation, OPD, status, indicator) alone.
type CountRow = { status: string; n: number | bigint };
const counted = <K extends string>(key: K, rows: (CountRow & Record<K, number | bigint>)[]) =>
  rows.map((r) => ({ [key]: Number(r[key]), status: r.status, _count: { _all: Number(r.n) } }) as Record<K, number> & { status: string; _count: { _all: number } });

/** Item counts per OPD and status, for the progress bars. */
export async function countItemsByOpd(db: Db, workspaceId: number, evaluationId: number) {
  const rows = await queryRaw<CountRow & { opdId: number }>(db,
    `SELECT "opdId", "status", COUNT(*) AS "n" FROM "ChecklistItem" WHERE "workspaceId" = ? AND "evaluationId" = ? GROUP BY "opdId", "status"`,
    workspaceId, evaluationId);
  return counted('opdId', rows);
}

/** Item counts per indicator and status (readiness per indicator). */
export async function countItemsByIndicator(db: Db, workspaceId: number, evaluationId: number) {
  const rows = await queryRaw<CountRow & { indicatorId: number }>(db,
    `SELECT "indicatorId", "status", COUNT(*) AS "n" FROM "ChecklistItem"
     WHERE "workspaceId" = ? AND "evaluationId" = ? AND "indicatorId" IS NOT NULL GROUP BY "indicatorId", "status"`,
    workspaceId, evaluationId);
  return counted('indicatorId', rows);
}

/** Open items past their own due date, or past their stage's deadline when they have none: the `take` most overdue, and how many in all. */
export async function listOverdueItems(db: Db, workspaceId: number, evaluationId: number, today: string, take = 15) {
  // Due is the item's own date, else its stage's (joined here, so the caller need not read the
  // stages first); most overdue first on both databases (no NULL can reach the order: every row
  // has a due date before today).
  // "total": every overdue item, not only the ones shown (a window count, in the same statement).
  const rows = await queryRaw<{ id: number; title: string; opdId: number; due: string; total: number | bigint }>(db,
    `SELECT i."id", i."title", i."opdId", COALESCE(i."dueDate", s."dueDate") AS "due", COUNT(*) OVER () AS "total"
     FROM "ChecklistItem" i LEFT JOIN "Stage" s ON s."evaluationId" = i."evaluationId" AND s."kind" = i."stage"
     WHERE i."workspaceId" = ? AND i."evaluationId" = ? AND i."status" IN (${OPEN.map(() => '?').join(', ')})
       AND COALESCE(i."dueDate", s."dueDate") < ?
     ORDER BY COALESCE(i."dueDate", s."dueDate"), i."id"
     LIMIT ?`, workspaceId, evaluationId, ...OPEN, today, take);
  // The OPD's name comes from the caller's OPD list.
  return {
    total: rows.length === 0 ? 0 : Number(rows[0]!.total),
    items: rows.map((r) => ({ id: Number(r.id), title: r.title, opdId: Number(r.opdId), due: r.due })),
  };
}

/** Leveled items per indicator for the evidence-backed level (verified and open alike). */
export async function listLeveledItems(db: Db, workspaceId: number, evaluationId: number) {
  // /indeks reads this on every call: one statement with the indicator's number joined (the query builder sends two).
  const rows = await queryRaw<{ id: number; title: string; level: number; status: string; no: number }>(db,
    `SELECT i."id", i."title", i."level", i."status", ind."no"
     FROM "ChecklistItem" i JOIN "Indicator" ind ON ind."id" = i."indicatorId"
     WHERE i."workspaceId" = ? AND i."evaluationId" = ? AND i."level" IS NOT NULL`, workspaceId, evaluationId);
  return rows.map((r) => ({ id: Number(r.id), title: r.title, level: Number(r.level), status: r.status, indicator: { no: Number(r.no) } }));
}

/**
 * What a new item is checked against, each scoped to the workspace: its evaluation (year), OPD,
 * indicator (of that evaluation's framework) and stage deadline. Read side by side: four small
 * reads, one round trip's wait.
 */
export async function findAssignTarget(db: Db, workspaceId: number, input: { evaluationId: number; opdId: number; indicatorId: number | null; stage: string | null }) {
  const { evaluationId } = input;
  const [evaluation, opd, indicator, stage] = await Promise.all([
    db.evaluation.findFirst({ where: { id: evaluationId, workspaceId }, select: { id: true, year: true } }),
    db.opd.findFirst({ where: { id: input.opdId, workspaceId }, select: { id: true, code: true, name: true } }),
    input.indicatorId === null ? null
      : db.indicator.findFirst({ where: { id: input.indicatorId, framework: { evaluations: { some: { id: evaluationId, workspaceId } } } }, select: { id: true, no: true } }),
    input.stage === null ? null : db.stage.findUnique({ where: { evaluationId_kind: { evaluationId, kind: input.stage } }, select: { dueDate: true } }),
  ]);
  return { evaluation, opd, indicator, stageDue: stage?.dueDate ?? null };
}

export async function listPicsOfOpd(db: Db, workspaceId: number, opdId: number) {
  const members = await db.member.findMany({
    where: { workspaceId, removedAt: null, roles: { some: { role: 'pic' } }, opds: { some: { opdId } } },
    include: { person: true },
  });
  return members.map((m) => m.person);
}

/** The items of one indicator in an evaluation (for /skor). */
export async function listIndicatorItems(db: Db, workspaceId: number, evaluationId: number, indicatorId: number) {
  // One statement with the OPD code joined (the query builder sends two). Lowest level first and
  // items without a level last, on both databases (left to each, SQLite puts NULL first).
  const rows = await queryRaw<{ id: number; title: string; level: number | null; status: string; opdCode: string }>(db,
    `SELECT i."id", i."title", i."level", i."status", o."code" AS "opdCode"
     FROM "ChecklistItem" i JOIN "Opd" o ON o."id" = i."opdId"
     WHERE i."workspaceId" = ? AND i."evaluationId" = ? AND i."indicatorId" = ?
     ORDER BY i."level" IS NULL, i."level", i."id"`, workspaceId, evaluationId, indicatorId);
  return rows.map((r) => ({ id: Number(r.id), title: r.title, level: r.level === null ? null : Number(r.level), status: r.status, opd: { code: r.opdCode } }));
}

/** Every open item's OPD and due dates (its own, or its stage's), for the dashboard's deadlines. */
export async function listOpenItemDues(db: Db, workspaceId: number, evaluationId: number) {
  return db.checklistItem.findMany({ where: { workspaceId, evaluationId, status: { in: OPEN } }, select: { opdId: true, dueDate: true, stage: true } });
}

/** One OPD's items of an evaluation with what the dashboard's OPD page shows: assignee, indicator, evidence. */
export async function listOpdItemsWithEvidence(db: Db, workspaceId: number, evaluationId: number, opdId: number) {
  return db.checklistItem.findMany({
    where: { workspaceId, evaluationId, opdId },
    // The page orders them by the due date that counts (own, else the stage's): byDueDate.
    orderBy: { id: 'asc' },
    include: {
      indicator: { select: { no: true } },
      assignee: { select: { id: true, displayName: true } },
      evidence: { select: { id: true, kind: true, fileName: true, mimeType: true, url: true, telegramFileId: true }, orderBy: { id: 'asc' } },
    },
  });
}

/** Items waiting for a koordinator's check across all OPDs, oldest submission first. */
export async function listSubmittedItems(db: Db, workspaceId: number, evaluationId: number, take = 200) {
  return db.checklistItem.findMany({
    where: { workspaceId, evaluationId, status: 'diajukan' },
    orderBy: [{ statusAt: 'asc' }, { id: 'asc' }],
    take,
    include: {
      opd: { select: { name: true } },
      indicator: { select: { no: true } },
      assignee: { select: { displayName: true } },
      evidence: { select: { id: true, kind: true, fileName: true, url: true, telegramFileId: true }, orderBy: { id: 'asc' } },
    },
  });
}

/** One evidence row in a workspace, with its item's OPD: for sending its file to someone who may see it. */
export async function findEvidenceInWorkspace(db: Db, workspaceId: number, evidenceId: number) {
  return db.evidence.findFirst({
    where: { id: evidenceId, item: { workspaceId } },
    select: { id: true, kind: true, telegramFileId: true, fileName: true, item: { select: { id: true, title: true, opdId: true } } },
  });
}
