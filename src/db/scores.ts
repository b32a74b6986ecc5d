import { formatDecimal } from '../domain/decimal.ts';
import type { ScoreRow } from '../domain/score-import.ts';
import type { Stage } from '../domain/stages.ts';
import type { Actor } from './audit.ts';
import { recordAudit } from './audit.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { queryRaw } from './raw-sql.ts';
import type { Db, Queryable } from './client.ts';
import { saveExternalValue } from './external-values.ts';

// The audit trail writes values as people read them ("1,26", "3,00"), not as stored hundredths.
const shown = (value: number | null) => (value === null ? null : formatDecimal(value, 2));

export interface ScoreImportPlan {
  created: number;
  changed: number;
  unchanged: number;
  /** other agencies' index values in the file (SDI, SJIG, …), recorded beside the scores */
  external: number;
}

interface ImportInput {
  evaluationId: number;
  workspaceId: number;
  stage: Stage;
  /** indicator number → database id of the evaluation's framework */
  indicatorIds: ReadonlyMap<number, number>;
  rows: readonly ScoreRow[];
}

/** Compares the rows with what is stored: what an import would create, change and leave alone. */
async function diffScores(db: Queryable, input: ImportInput) {
  const stored = await db.score.findMany({ where: { evaluationId: input.evaluationId, stage: input.stage } });
  const byIndicator = new Map(stored.map((s) => [s.indicatorId, s]));
  // A row with only a reference-only external value (IKASANDI) sets no score.
  return input.rows.flatMap((row) => {
    const indicatorId = input.indicatorIds.get(row.indicatorNo)!;
    if (row.value === null) return [];
    const value = row.value;
    const before = byIndicator.get(indicatorId) ?? null;
    const same = before !== null && before.value === value && (before.note ?? null) === row.note;
    return [{ row, value, indicatorId, before, same }];
  });
}

function summarise(diff: Awaited<ReturnType<typeof diffScores>>, rows: readonly ScoreRow[]): ScoreImportPlan {
  return {
    created: diff.filter((d) => d.before === null).length,
    changed: diff.filter((d) => d.before !== null && !d.same).length,
    unchanged: diff.filter((d) => d.same).length,
    external: rows.filter((r) => r.external !== null).length,
  };
}

export async function planScoreImport(db: Db, input: ImportInput): Promise<ScoreImportPlan> {
  return summarise(await diffScores(db, input), input.rows);
}

/** Applies every row in one transaction, or none: each change keeps its history and audit entry. */
export async function applyScoreImport(db: Db, input: ImportInput, actor: Actor): Promise<ScoreImportPlan> {
  return db.$transaction(async (tx) => {
    const diff = await diffScores(tx, input);
    const changes = diff.filter((d) => !d.same);
    for (const row of input.rows) {
      if (!row.external) continue;
      const indicatorId = input.indicatorIds.get(row.indicatorNo)!;
      await saveExternalValue(tx, {
        evaluationId: input.evaluationId, workspaceId: input.workspaceId, indicatorId, indicatorNo: row.indicatorNo,
        source: row.external.source, raw: row.external.raw, derived: row.external.derived,
      }, actor);
    }
    for (const { row, value, indicatorId, before } of changes) {
      await tx.score.upsert({
        where: { evaluationId_stage_indicatorId: { evaluationId: input.evaluationId, stage: input.stage, indicatorId } },
        create: { evaluationId: input.evaluationId, stage: input.stage, indicatorId, value, note: row.note, authorId: actor.personId },
        update: { value, note: row.note, authorId: actor.personId },
      });
      await tx.scoreChange.create({
        data: {
          evaluationId: input.evaluationId, indicatorId, stage: input.stage, oldValue: before?.value ?? null,
          newValue: value, note: row.note, authorId: actor.personId, source: actor.via === 'bot' ? 'bot' : 'import',
        },
      });
    }
    if (changes.length > 0) {
      await recordAudit(tx, actor, {
        workspaceId: input.workspaceId, action: 'scores.import', entity: 'evaluation', entityId: input.evaluationId,
        detail: {
          stage: input.stage,
          changes: changes.map((c) => ({ indikator: c.row.indicatorNo, dari: shown(c.before?.value ?? null), ke: shown(c.value) })),
        },
      });
    }
    return summarise(diff, input.rows);
  });
}

export async function listScoreChanges(db: Db, evaluationId: number) {
  return db.scoreChange.findMany({
    where: { evaluationId },
    include: { indicator: { select: { no: true } }, author: { select: { displayName: true } } },
    orderBy: { id: 'asc' },
  });
}

export interface RecordScore {
  evaluationId: number;
  workspaceId: number;
  indicatorId: number;
  indicatorNo: number;
  stage: Stage;
  /** hundredths (Pemdi 1,26 → 126; SPBE level 3 → 300) */
  value: number;
  note: string | null;
}

type Tx = Prisma.TransactionClient;

async function writeScore(tx: Tx, input: RecordScore, actor: Actor): Promise<number | null> {
  const key = { evaluationId: input.evaluationId, stage: input.stage, indicatorId: input.indicatorId };
  const before = await tx.score.findUnique({ where: { evaluationId_stage_indicatorId: key } });
  await tx.score.upsert({
    where: { evaluationId_stage_indicatorId: key },
    create: { ...key, value: input.value, note: input.note, authorId: actor.personId },
    update: { value: input.value, note: input.note, authorId: actor.personId },
  });
  await tx.scoreChange.create({
    data: { ...key, oldValue: before?.value ?? null, newValue: input.value, note: input.note, authorId: actor.personId, source: actor.via === 'bot' ? 'bot' : 'cli' },
  });
  await recordAudit(tx, actor, {
    workspaceId: input.workspaceId, action: 'score.set', entity: 'score', entityId: `${input.evaluationId}:${input.stage}:${input.indicatorNo}`,
    detail: { indikator: input.indicatorNo, tahap: input.stage, dari: shown(before?.value ?? null), ke: shown(input.value), catatan: input.note },
  });
  return before?.value ?? null;
}

/** One value recorded by a coordinator: the score, its history row and an audit entry. */
export async function recordScore(db: Db, input: RecordScore, actor: Actor): Promise<{ oldValue: number | null }> {
  return db.$transaction(async (tx) => ({ oldValue: await writeScore(tx, input, actor) }));
}

export interface RecordExternal extends Omit<RecordScore, 'value'> {
  source: string;
  raw: number;
  /** the indicator value the index's table gives; null for a reference-only index */
  derived: number | null;
}

/** Another agency's index value, and the indicator value derived from it, in one transaction. */
export async function recordExternalScore(db: Db, input: RecordExternal, actor: Actor): Promise<void> {
  await db.$transaction(async (tx) => {
    await saveExternalValue(tx, { ...input }, actor);
    if (input.derived !== null) {
      await writeScore(tx, { ...input, value: input.derived, note: input.note ?? `dari ${input.source} ${shown(input.raw)}` }, actor);
    }
  });
}

/** Notes and authors of one indicator's current scores, per stage. */
export async function findIndicatorScores(db: Db, evaluationId: number, indicatorId: number) {
  // One statement with the author's name joined (the query builder sends two): /skor reads this.
  const rows = await queryRaw<{ stage: string; value: number; note: string | null; authorName: string | null }>(db,
    `SELECT s."stage", s."value", s."note", p."displayName" AS "authorName"
     FROM "Score" s LEFT JOIN "Person" p ON p."id" = s."authorId"
     WHERE s."evaluationId" = ? AND s."indicatorId" = ?`, evaluationId, indicatorId);
  return rows.map((r) => ({ stage: r.stage, value: Number(r.value), note: r.note, author: r.authorName === null ? null : { displayName: r.authorName } }));
}
