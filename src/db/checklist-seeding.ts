// Filling a new evaluation's checklist without typing it: generated from the framework's
// evidence examples and the indicator→OPD ownership map, or carried over from last year's open
// items. Both are idempotent, so running them twice (or after adding an OPD) adds only what is
// missing.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateChecklist, parseOwnershipFile } from '../domain/checklist-generation.ts';
import type { FrameworkDef } from '../domain/framework-types.ts';
import type { Actor } from './audit.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './client.ts';
import { replanWorkspace } from './reminder-plan.ts';
import { findFrameworkById } from './frameworks.ts';

export const OWNERSHIP_DIR = fileURLToPath(new URL('../../prisma/data/ownership/', import.meta.url));
/** Diskominfo runs the evaluation day to day: what no OPD of the workspace owns goes there. */
export const FALLBACK_OPD = 'diskominfo';

export class ChecklistSeedError extends Error {}

/** Reads and checks an ownership map; throws ChecklistSeedError naming the file and each fault. */
export function readOwnershipFile(path: string, framework: FrameworkDef): Map<number, string[]> {
  const file = basename(path);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ? 'tidak dapat dibaca' : `bukan JSON yang sah (${(error as Error).message})`;
    throw new ChecklistSeedError(`berkas kepemilikan ${file} ${why}.`);
  }
  const parsed = parseOwnershipFile(raw, framework);
  if (!parsed.ok) throw new ChecklistSeedError(`berkas kepemilikan ${file} ditolak:\n${parsed.errors.map((e) => `- ${e}`).join('\n')}`);
  return parsed.owners;
}

async function requireEvaluation(db: Db, workspaceId: number, evaluationId: number) {
  const evaluation = await db.evaluation.findFirst({ where: { id: evaluationId, workspaceId } });
  if (!evaluation) throw new ChecklistSeedError(`evaluasi ${evaluationId} tidak ada di workspace ini.`);
  return evaluation;
}

export interface GenerateInput {
  workspaceId: number;
  evaluationId: number;
  actor: Actor;
  /** the time of the change, for replanning reminders */
  now: Date;
  /** a map to use instead of the workspace's owners or the framework's default file */
  ownershipFile?: string;
}

export interface GenerateResult {
  created: number;
  /** generated items that the evaluation already had (same indicator and OPD) */
  existing: number;
  unassigned: number[];
  ownersWritten: number;
  /** where the owners came from: an explicit or default file, the workspace's own map, or none */
  ownerSource: 'file' | 'workspace' | 'none';
  file: string | null;
}

export async function generateChecklistItems(db: Db, input: GenerateInput): Promise<GenerateResult> {
  const { workspaceId, evaluationId, actor } = input;
  const evaluation = await requireEvaluation(db, workspaceId, evaluationId);
  const framework = await findFrameworkById(db, evaluation.frameworkId);
  if (!framework) throw new ChecklistSeedError(`kerangka evaluasi ${evaluation.frameworkId} tidak ditemukan.`);
  const opds = new Map((await db.opd.findMany({ where: { workspaceId } })).map((o) => [o.code, o.id]));
  // In the order they were written: an indicator's first owner is its lead, who gets its items
  // (unordered, SQLite returned them in its index's order, by OPD, and a second run picked
  // another lead and made every item again for it).
  const stored = await db.indicatorOwner.findMany({
    where: { workspaceId, indicator: { frameworkId: framework.id } },
    orderBy: { id: 'asc' },
    include: { opd: { select: { code: true } }, indicator: { select: { no: true } } },
  });

  const defaultFile = join(OWNERSHIP_DIR, `${framework.def.code}.json`);
  const file = input.ownershipFile ?? (stored.length === 0 && existsSync(defaultFile) ? defaultFile : null);
  let owners = new Map<number, string[]>();
  if (file !== null) {
    owners = readOwnershipFile(file, framework.def);
  } else {
    for (const o of stored) owners.set(o.indicator.no, [...(owners.get(o.indicator.no) ?? []), o.opd.code]);
  }
  const generated = generateChecklist(framework.def, owners, new Set(opds.keys()), FALLBACK_OPD);
  const pairs = generated.items.map((item) => ({
    item, indicatorId: framework.indicatorIds.get(item.indicatorNo)!, opdId: opds.get(item.opdCode)!,
  }));

  return db.$transaction(async (tx) => {
    // the map becomes the workspace's own (editable per instansi) the first time it is used
    let ownersWritten = 0;
    if (stored.length === 0 && file !== null && pairs.length > 0) {
      ({ count: ownersWritten } = await tx.indicatorOwner.createMany({
        data: [...generated.owners].flatMap(([no, codes]) => codes.map((code) => ({
          workspaceId, indicatorId: framework.indicatorIds.get(no)!, opdId: opds.get(code)!,
        }))),
      }));
    }
    // Already there: an item per indicator × OPD (no levels), or an indicator's level (criteria
    // items, made for the lead only) whichever OPD holds it: a lead changed since, or an item
    // moved to another OPD, must not bring a second item for the same evidence.
    const keyOf = (indicatorId: number | null, opdId: number, level: number | null) => (level === null ? `${indicatorId}:opd${opdId}` : `${indicatorId}:L${level}`);
    const have = new Set((await tx.checklistItem.findMany({
      where: { evaluationId, indicatorId: { not: null } }, select: { indicatorId: true, opdId: true, level: true },
    })).map((i) => keyOf(i.indicatorId, i.opdId, i.level)));
    const fresh = pairs.filter((p) => !have.has(keyOf(p.indicatorId, p.opdId, p.item.level)));
    if (fresh.length > 0) {
      await tx.checklistItem.createMany({
        data: fresh.map(({ item, indicatorId, opdId }) => ({
          workspaceId, evaluationId, opdId, indicatorId, stage: item.stage, title: item.title,
          description: item.description, level: item.level, createdById: actor.personId,
        })),
      });
    }
    if (fresh.length > 0 || ownersWritten > 0) {
      await recordAudit(tx, actor, {
        workspaceId, action: 'checklist.generate', entity: 'evaluation', entityId: evaluationId,
        detail: { dibuat: fresh.length, pemilik: ownersWritten, berkas: file === null ? null : basename(file), tanpaOpd: generated.unassigned },
      });
    }
    if (fresh.length > 0) await replanWorkspace(tx, workspaceId, input.now);
    return {
      created: fresh.length, existing: pairs.length - fresh.length, unassigned: generated.unassigned, ownersWritten,
      ownerSource: file !== null ? 'file' : stored.length > 0 ? 'workspace' : 'none', file,
    };
  });
}

const CLOSED = ['selesai', 'dibatalkan'];

export interface CarryOverInput {
  workspaceId: number;
  fromYear: number;
  toEvaluationId: number;
  actor: Actor;
  /** the time of the change, for replanning reminders */
  now: Date;
}

export interface CarryOverResult {
  created: number;
  /** open items that an earlier carry-over already copied */
  alreadyCarried: number;
  /** open items the new evaluation already has (same OPD, indicator and title, e.g. generated again) */
  alreadyPresent: number;
  /** items whose indicator was dropped because the new evaluation uses another framework */
  indicatorDropped: number;
}

/** Copies last year's open items into the new evaluation as fresh `belum` items, once each. */
export async function carryOverChecklist(db: Db, input: CarryOverInput): Promise<CarryOverResult> {
  const { workspaceId, actor } = input;
  const to = await requireEvaluation(db, workspaceId, input.toEvaluationId);
  const from = await db.evaluation.findUnique({ where: { workspaceId_year: { workspaceId, year: input.fromYear } } });
  if (!from) throw new ChecklistSeedError(`Tidak ada evaluasi tahun ${input.fromYear}.`);
  if (from.id === to.id) throw new ChecklistSeedError(`tahun asal dan tujuan sama (${to.year}); pilih tahun lain dengan --from.`);
  // an indicator of another framework (SPBE 2025 → Pemdi 2026) means nothing in the new one
  const sameFramework = from.frameworkId === to.frameworkId;

  return db.$transaction(async (tx) => {
    const open = await tx.checklistItem.findMany({ where: { workspaceId, evaluationId: from.id, status: { notIn: CLOSED } }, orderBy: { id: 'asc' } });
    const carried = new Set((await tx.checklistItem.findMany({
      where: { evaluationId: to.id, carriedFromId: { in: open.map((i) => i.id) } }, select: { carriedFromId: true },
    })).map((i) => i.carriedFromId));
    const members = new Set((await tx.member.findMany({ where: { workspaceId, removedAt: null }, select: { personId: true } }))
      .map((m) => m.personId));
    // last year's open "Bukti dukung indikator 12" next to this year's generated one would be noise
    const key = (i: { opdId: number; indicatorId: number | null; title: string }) =>
      `${i.opdId}:${sameFramework ? i.indicatorId : null}:${i.title.trim().toLowerCase()}`;
    const present = new Set((await tx.checklistItem.findMany({
      where: { evaluationId: to.id }, select: { opdId: true, indicatorId: true, title: true },
    })).map((i) => `${i.opdId}:${i.indicatorId}:${i.title.trim().toLowerCase()}`));
    const pending = open.filter((i) => !carried.has(i.id));
    const fresh = pending.filter((i) => !present.has(key(i)));
    if (fresh.length > 0) {
      await tx.checklistItem.createMany({
        data: fresh.map((i) => ({
          workspaceId, evaluationId: to.id, opdId: i.opdId, stage: i.stage, title: i.title, description: i.description,
          indicatorId: sameFramework ? i.indicatorId : null, level: sameFramework ? i.level : null,
          // last year's date has passed: the new evaluation's stage deadline applies until someone sets one
          dueDate: null, assigneeId: i.assigneeId !== null && members.has(i.assigneeId) ? i.assigneeId : null,
          carriedFromId: i.id, createdById: actor.personId,
        })),
      });
      await recordAudit(tx, actor, {
        workspaceId, action: 'checklist.carry-over', entity: 'evaluation', entityId: to.id,
        detail: { dariTahun: from.year, keTahun: to.year, dibawa: fresh.map((i) => i.id) },
      });
    }
    if (fresh.length > 0) await replanWorkspace(tx, workspaceId, input.now);
    return {
      created: fresh.length, alreadyCarried: open.length - pending.length, alreadyPresent: pending.length - fresh.length,
      indicatorDropped: sameFramework ? 0 : fresh.filter((i) => i.indicatorId !== null).length,
    };
  });
}
