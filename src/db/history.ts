// Past official yearly results of a workspace (PastResult + PastDomainResult): saved by year,
// each change audited with what it was before, in the same transaction as the change.
// report-data.ts reads the same rows (through listPastResults) for the report's trend.
import type { PastResultInput } from '../domain/history-import.ts';
import type { Actor } from './audit.ts';
import { recordAudit } from './audit.ts';
import type { Db, Queryable } from './client.ts';

export interface PastResultSummary {
  /** the years, ascending */
  created: number[];
  updated: number[];
  unchanged: number[];
}

const byYear = { year: 'asc' } as const;

async function readPastResults(db: Queryable, workspaceId: number, years?: number[]): Promise<PastResultInput[]> {
  const rows = await db.pastResult.findMany({
    where: { workspaceId, ...(years ? { year: { in: years } } : {}) },
    include: { domains: { orderBy: { domainNo: 'asc' } } },
    orderBy: byYear,
  });
  return rows.map((r) => ({
    year: r.year, indexUnits: r.indexUnits, predicate: r.predicate, frameworkCode: r.frameworkCode, source: r.source,
    domains: r.domains.map((d) => ({ no: d.domainNo, units: d.indexUnits })),
  }));
}

/** The same fields in the same order, so two snapshots compare as JSON and read well in the audit. */
function snapshot(r: PastResultInput): PastResultInput {
  return {
    year: r.year, indexUnits: r.indexUnits, predicate: r.predicate, frameworkCode: r.frameworkCode, source: r.source,
    domains: [...r.domains].sort((a, b) => a.no - b.no).map((d) => ({ no: d.no, units: d.units })),
  };
}

async function diffPastResults(db: Queryable, workspaceId: number, rows: readonly PastResultInput[]) {
  const stored = new Map((await readPastResults(db, workspaceId, rows.map((r) => r.year))).map((r) => [r.year, r]));
  return rows.map((row) => {
    const before = stored.get(row.year) ?? null;
    const after = snapshot(row);
    return { before, after, same: before !== null && JSON.stringify(before) === JSON.stringify(after) };
  });
}

function summarise(diff: Awaited<ReturnType<typeof diffPastResults>>): PastResultSummary {
  const years = (keep: (d: (typeof diff)[number]) => boolean) => diff.filter(keep).map((d) => d.after.year).sort((a, b) => a - b);
  return {
    created: years((d) => d.before === null),
    updated: years((d) => d.before !== null && !d.same),
    unchanged: years((d) => d.same),
  };
}

/** What saving the rows would create, change and leave alone (nothing is written). */
export async function planPastResults(db: Db, workspaceId: number, rows: readonly PastResultInput[]): Promise<PastResultSummary> {
  return summarise(await diffPastResults(db, workspaceId, rows));
}

/**
 * Saves each row by year (a stored year is replaced whole, its domain values included) in one
 * transaction: every row or none. Each changed year gets an audit entry with before and after.
 */
export async function savePastResults(db: Db, workspaceId: number, rows: readonly PastResultInput[], actor: Actor): Promise<PastResultSummary> {
  return db.$transaction(async (tx) => {
    const diff = await diffPastResults(tx, workspaceId, rows);
    for (const { before, after, same } of diff) {
      if (same) continue;
      const fields = { frameworkCode: after.frameworkCode, indexUnits: after.indexUnits, predicate: after.predicate, source: after.source };
      const saved = await tx.pastResult.upsert({
        where: { workspaceId_year: { workspaceId, year: after.year } },
        create: { workspaceId, year: after.year, ...fields },
        update: fields,
      });
      await tx.pastDomainResult.deleteMany({ where: { pastResultId: saved.id } });
      await tx.pastDomainResult.createMany({
        data: after.domains.map((d) => ({ pastResultId: saved.id, domainNo: d.no, indexUnits: d.units })),
      });
      await recordAudit(tx, actor, {
        workspaceId, action: 'history.save', entity: 'past_result', entityId: after.year, detail: { before, after },
      });
    }
    return summarise(diff);
  });
}

/** A workspace's past results, ascending by year, domains ascending by number. */
export async function listPastResults(db: Db, workspaceId: number): Promise<PastResultInput[]> {
  return readPastResults(db, workspaceId);
}

/** Deletes one year (its domain values go with it); returns what was deleted, or null if none. */
export async function deletePastResult(db: Db, workspaceId: number, year: number, actor: Actor): Promise<PastResultInput | null> {
  return db.$transaction(async (tx) => {
    const [before] = await readPastResults(tx, workspaceId, [year]);
    if (!before) return null;
    // the domain rows explicitly rather than by cascade: SQLite enforces foreign keys only when asked to
    await tx.pastDomainResult.deleteMany({ where: { pastResult: { workspaceId, year } } });
    await tx.pastResult.delete({ where: { workspaceId_year: { workspaceId, year } } });
    await recordAudit(tx, actor, { workspaceId, action: 'history.delete', entity: 'past_result', entityId: year, detail: { before } });
    return before;
  });
}

