import type { FrameworkDef, IndicatorDef } from '../domain/framework-types.ts';
import type { Db } from './client.ts';

export type SaveOutcome = 'created' | 'updated' | 'unchanged';

export class FrameworkConflictError extends Error {}

/**
 * Writes a validated framework idempotently: the same content (by hash) is a no-op; a changed
 * file updates names and weights in place, keyed by number, so existing scores keep pointing
 * at the same indicator rows. Removing an indicator that already has scores is refused.
 */
export async function saveFramework(db: Db, def: FrameworkDef, contentHash: string): Promise<SaveOutcome> {
  const existing = await db.framework.findUnique({ where: { code: def.code } });
  if (existing?.contentHash === contentHash) return 'unchanged';
  await db.$transaction(async (tx) => {
    const header = {
      name: def.name, regulation: def.regulation, provisional: def.provisional,
      validFrom: def.validFrom, validTo: def.validTo, valueDecimals: def.valueDecimals, contentHash,
      details: JSON.stringify({ citation: def.citation, notes: def.notes, unconfirmed: def.unconfirmed }),
    };
    const fw = existing
      ? await tx.framework.update({ where: { id: existing.id }, data: header })
      : await tx.framework.create({ data: { code: def.code, ...header } });
    const frameworkId = fw.id;

    const keepNos = def.indicators.map((i) => i.no);
    const doomed = await tx.indicator.findMany({
      where: { frameworkId, no: { notIn: keepNos } },
      select: { no: true, _count: { select: { scores: true, checklistItems: true } } },
    });
    const used = doomed.filter((i) => i._count.scores > 0 || i._count.checklistItems > 0);
    if (used.length > 0) {
      throw new FrameworkConflictError(
        `Kerangka ${def.code}: indikator ${used.map((i) => i.no).join(', ')} sudah dipakai ` +
          `(ada nilai atau ceklis) sehingga tidak dapat dihapus dari berkas.`,
      );
    }
    await tx.indicator.deleteMany({ where: { frameworkId, no: { notIn: keepNos } } });

    await tx.levelName.deleteMany({ where: { frameworkId } });
    await tx.levelName.createMany({
      data: def.levelScales.flatMap((scale) =>
        scale.names.map((name, i) => ({ frameworkId, scale: scale.code, level: i + 1, name }))),
    });
    await tx.predicateBand.deleteMany({ where: { frameworkId } });
    await tx.predicateBand.createMany({
      data: def.predicates.map((p) => ({
        frameworkId, name: p.name, alias: p.alias, minUnits: p.min, minInclusive: p.minInclusive, maxUnits: p.max, maxInclusive: p.maxInclusive,
      })),
    });

    const domainIds = new Map<number, number>();
    for (const d of def.domains) {
      const row = await tx.domain.upsert({
        where: { frameworkId_no: { frameworkId, no: d.no } },
        create: { frameworkId, no: d.no, name: d.name, weight: d.weight },
        update: { name: d.name, weight: d.weight },
      });
      domainIds.set(d.no, row.id);
    }
    const aspectIds = new Map<number, number>();
    for (const a of def.aspects) {
      const domainId = a.domainNo === null ? null : (domainIds.get(a.domainNo) ?? null);
      const row = await tx.aspect.upsert({
        where: { frameworkId_no: { frameworkId, no: a.no } },
        create: { frameworkId, no: a.no, name: a.name, weight: a.weight, domainId },
        update: { name: a.name, weight: a.weight, domainId },
      });
      aspectIds.set(a.no, row.id);
    }
    for (const i of def.indicators) {
      const fields = {
        name: i.name, weight: i.weight, scale: i.scale, aspectId: aspectIds.get(i.aspectNo)!,
        evidenceExample: i.evidenceExample, details: JSON.stringify(indicatorDetails(i)),
      };
      await tx.indicator.upsert({
        where: { frameworkId_no: { frameworkId, no: i.no } },
        create: { frameworkId, no: i.no, ...fields },
        update: fields,
      });
    }
    await tx.aspect.deleteMany({ where: { frameworkId, no: { notIn: def.aspects.map((a) => a.no) } } });
    await tx.domain.deleteMany({ where: { frameworkId, no: { notIn: def.domains.map((d) => d.no) } } });
  });
  return existing ? 'updated' : 'created';
}

type IndicatorDetails = Pick<IndicatorDef, 'criteria' | 'guidingAgencies' | 'owningFunctions' | 'externalIndex'>;

// The per-indicator catalogue text (criteria, agencies, external index) is read as a whole and
// never queried by field, so it is one JSON column rather than four tables.
function indicatorDetails(i: IndicatorDef): IndicatorDetails {
  return { criteria: i.criteria, guidingAgencies: i.guidingAgencies, owningFunctions: i.owningFunctions, externalIndex: i.externalIndex };
}

function readIndicatorDetails(json: string): IndicatorDetails {
  const d = JSON.parse(json) as Partial<IndicatorDetails>;
  return { criteria: d.criteria ?? [], guidingAgencies: d.guidingAgencies ?? [], owningFunctions: d.owningFunctions ?? [], externalIndex: d.externalIndex ?? null };
}

export interface StoredFramework {
  id: number;
  def: FrameworkDef;
  /** indicator number → database id */
  indicatorIds: Map<number, number>;
}

// A framework's tree is read on nearly every request and changes only when a file is loaded:
// keep it per process, keyed by the content hash, which one cheap query re-checks each time (so
// a framework reloaded by another process, e.g. the CLI, is picked up at once).
const cache = new Map<number, { hash: string; stored: StoredFramework }>();

export async function findFrameworkById(db: Db, id: number): Promise<StoredFramework | null> {
  const head = await db.framework.findUnique({ where: { id }, select: { contentHash: true } });
  if (!head) return null;
  return frameworkWithHash(db, id, head.contentHash);
}

/** The framework whose current content hash the caller has just read (in a query of its own). */
export async function frameworkWithHash(db: Db, id: number, contentHash: string): Promise<StoredFramework | null> {
  const hit = cache.get(id);
  if (hit?.hash === contentHash) return hit.stored;
  const stored = await loadFramework(db, id);
  if (stored) cache.set(id, { hash: contentHash, stored });
  return stored;
}

async function loadFramework(db: Db, id: number): Promise<StoredFramework | null> {
  const fw = await db.framework.findUnique({
    where: { id },
    include: {
      levelNames: { orderBy: [{ scale: 'asc' }, { level: 'asc' }] },
      predicates: { orderBy: { minUnits: 'asc' } },
      domains: { orderBy: { no: 'asc' } },
      aspects: { orderBy: { no: 'asc' }, include: { domain: true } },
      indicators: { orderBy: { no: 'asc' }, include: { aspect: true } },
    },
  });
  if (!fw) return null;
  const scales = new Map<string, string[]>();
  for (const ln of fw.levelNames) scales.set(ln.scale, [...(scales.get(ln.scale) ?? []), ln.name]);
  const details = JSON.parse(fw.details) as Partial<Pick<FrameworkDef, 'citation' | 'notes' | 'unconfirmed'>>;
  const def: FrameworkDef = {
    code: fw.code, name: fw.name, regulation: fw.regulation, provisional: fw.provisional,
    validFrom: fw.validFrom, validTo: fw.validTo, valueDecimals: fw.valueDecimals,
    citation: details.citation ?? null, notes: details.notes ?? [], unconfirmed: details.unconfirmed ?? [],
    levelScales: [...scales].map(([code, names]) => ({ code, names: names as FrameworkDef['levelScales'][number]['names'] })),
    predicates: fw.predicates.map((p) => ({
      name: p.name, alias: p.alias, min: p.minUnits, minInclusive: p.minInclusive, max: p.maxUnits, maxInclusive: p.maxInclusive,
    })),
    domains: fw.domains.map((d) => ({ no: d.no, name: d.name, weight: d.weight })),
    aspects: fw.aspects.map((a) => ({ no: a.no, name: a.name, weight: a.weight, domainNo: a.domain?.no ?? null })),
    indicators: fw.indicators.map((i) => ({
      no: i.no, name: i.name, weight: i.weight, scale: i.scale, aspectNo: i.aspect.no,
      evidenceExample: i.evidenceExample, ...readIndicatorDetails(i.details),
    })),
  };
  return { id: fw.id, def, indicatorIds: new Map(fw.indicators.map((i) => [i.no, i.id])) };
}

export async function findFrameworkIdByCode(db: Db, code: string): Promise<number | null> {
  const fw = await db.framework.findUnique({ where: { code }, select: { id: true } });
  return fw?.id ?? null;
}

export async function listFrameworks(db: Db) {
  return db.framework.findMany({
    orderBy: { validFrom: 'asc' },
    include: { _count: { select: { indicators: true, aspects: true, domains: true } } },
  });
}

/** Every stored framework's definition, oldest first (the bands of past years, the checks of history entries). */
export async function listFrameworkDefs(db: Db): Promise<FrameworkDef[]> {
  const defs: FrameworkDef[] = [];
  for (const row of await listFrameworks(db)) {
    const stored = await findFrameworkById(db, row.id);
    if (stored) defs.push(stored.def);
  }
  return defs;
}
