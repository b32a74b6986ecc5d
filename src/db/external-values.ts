// Values of other agencies' indices (Pemdi 8/2026 Pasal 7: SDI, SJIG, EPSS, IKASANDI), one per
// evaluation and indicator, kept beside the indicator value the bot derives from them.
import { formatDecimal } from '../domain/decimal.ts';
import type { Actor } from './audit.ts';
import { recordAudit } from './audit.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { Db, Queryable } from './client.ts';

type Tx = Prisma.TransactionClient;

export interface ExternalValueInput {
  evaluationId: number;
  workspaceId: number;
  indicatorId: number;
  indicatorNo: number;
  source: string;
  /** hundredths of the agency's own scale */
  raw: number;
  derived: number | null;
}

/** Upserts one external value with its audit entry; returns the value it replaced (hundredths). */
export async function saveExternalValue(tx: Tx, input: ExternalValueInput, actor: Actor): Promise<number | null> {
  const key = { evaluationId: input.evaluationId, indicatorId: input.indicatorId };
  const before = await tx.externalValue.findUnique({ where: { evaluationId_indicatorId: key } });
  if (before && before.rawValue === input.raw && before.source === input.source) return before.rawValue;
  const data = { source: input.source, rawValue: input.raw, derivedValue: input.derived, authorId: actor.personId };
  await tx.externalValue.upsert({ where: { evaluationId_indicatorId: key }, create: { ...key, ...data }, update: data });
  await recordAudit(tx, actor, {
    workspaceId: input.workspaceId, action: 'external.set', entity: 'external', entityId: `${input.evaluationId}:${input.indicatorNo}`,
    detail: {
      indikator: input.indicatorNo, indeks: input.source,
      dari: before ? formatDecimal(before.rawValue, 2) : null, ke: formatDecimal(input.raw, 2),
      nilai: input.derived === null ? null : formatDecimal(input.derived, 2),
    },
  });
  return before?.rawValue ?? null;
}

export interface StoredExternalValue {
  indicatorNo: number;
  source: string;
  raw: number;
  derived: number | null;
  updatedAt: Date;
}

/** Every external value recorded for an evaluation, by indicator number. */
export async function listExternalValues(db: Db | Queryable, evaluationId: number): Promise<Map<number, StoredExternalValue>> {
  const rows = await db.externalValue.findMany({
    where: { evaluationId },
    select: { source: true, rawValue: true, derivedValue: true, updatedAt: true, indicator: { select: { no: true } } },
  });
  return new Map(rows.map((r) => [r.indicator.no, {
    indicatorNo: r.indicator.no, source: r.source, raw: r.rawValue, derived: r.derivedValue, updatedAt: r.updatedAt,
  }]));
}

/** One indicator's external value, or null. */
export async function findExternalValue(db: Db, evaluationId: number, indicatorId: number): Promise<StoredExternalValue | null> {
  const r = await db.externalValue.findUnique({
    where: { evaluationId_indicatorId: { evaluationId, indicatorId } },
    select: { source: true, rawValue: true, derivedValue: true, updatedAt: true, indicator: { select: { no: true } } },
  });
  return r && { indicatorNo: r.indicator.no, source: r.source, raw: r.rawValue, derived: r.derivedValue, updatedAt: r.updatedAt };
}
