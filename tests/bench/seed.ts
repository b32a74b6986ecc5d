// The benchmark database: 600 workspaces × 40 OPDs × 47 indicators scored in 5 stages, each with
// its admin (also koordinator), a PIC per OPD, and a linked group. Raw multi-row INSERTs for the
// bulk tables keep seeding to seconds.
import { CLI_ACTOR } from '../../src/db/audit.ts';
import type { Db } from '../../src/db/client.ts';
import { findFrameworkById, findFrameworkIdByCode } from '../../src/db/frameworks.ts';
import { createWorkspace } from '../../src/db/workspaces.ts';
import { STAGES } from '../../src/domain/stages.ts';

export const WORKSPACES = 600;
export const OPDS = 40;

export const adminId = (w: number) => 1_000_000 + w;
export const picId = (w: number, o: number) => 10_000_000 + w * 100 + o;
export const groupId = (w: number) => -1_000_000_000 - w;

async function insertRows(db: Db, table: string, columns: string[], rows: (string | number | null)[][]) {
  const value = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);
  for (let i = 0; i < rows.length; i += 2_000) {
    const chunk = rows.slice(i, i + 2_000).map((r) => `(${r.map(value).join(',')})`).join(',');
    await db.$executeRawUnsafe(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(',')}) VALUES ${chunk}`);
  }
}

export async function seedBenchDatabase(db: Db, opts: { itemsPerOpd?: number } = {}) {
  const fw = (await findFrameworkById(db, (await findFrameworkIdByCode(db, 'spbe-2020'))!))!;
  const now = new Date().toISOString();
  for (let w = 1; w <= WORKSPACES; w++) {
    const { workspace, evaluation } = await createWorkspace(db, {
      slug: `ws-${w}`, name: `Instansi ${w}`, timeZone: 'Asia/Makassar', targetUnits: 35_000, frameworkId: fw.id, year: 2024,
      admin: { telegramId: BigInt(adminId(w)), displayName: `Admin ${w}` },
    }, CLI_ACTOR);
    await db.stage.update({ where: { evaluationId_kind: { evaluationId: evaluation.id, kind: 'dokumen' } }, data: { dueDate: '2024-09-30' } });
    // The first admin is made koordinator by createWorkspace itself.
    await db.opd.createMany({ data: Array.from({ length: OPDS }, (_, o) => ({ workspaceId: workspace.id, code: `opd-${o + 1}`, name: `OPD ${o + 1}` })) });
    await db.score.createMany({
      data: STAGES.flatMap((stage, s) => fw.def.indicators.map((i) => ({
        evaluationId: evaluation.id, indicatorId: fw.indicatorIds.get(i.no)!, stage, value: (1 + ((i.no + w + s) % 5)) * 100,
      }))),
    });
    await db.chat.create({ data: { workspaceId: workspace.id, telegramChatId: BigInt(groupId(w)), type: 'supergroup', title: `Grup ${w}` } });
  }
  if (!opts.itemsPerOpd) return fw;
  // A PIC per OPD, then the items: statuses, indicators and due dates spread evenly.
  const opds = await db.opd.findMany({ select: { id: true, workspaceId: true, code: true } });
  const evaluations = new Map((await db.evaluation.findMany()).map((e) => [e.workspaceId, e.id]));
  const statuses = ['belum', 'proses', 'diajukan', 'selesai', 'revisi', 'dibatalkan'];
  const indicatorIds = [...fw.indicatorIds.values()];
  for (const opd of opds) {
    const o = Number(opd.code.slice(4));
    const person = await db.person.create({ data: { telegramId: BigInt(picId(opd.workspaceId, o)), displayName: `PIC ${opd.code}` } });
    await db.member.create({ data: { workspaceId: opd.workspaceId, personId: person.id, roles: { create: [{ role: 'pic' }] }, opds: { create: [{ opdId: opd.id }] } } });
  }
  const pics = new Map((await db.memberOpd.findMany({ include: { member: true } })).map((m) => [m.opdId, m.member.personId]));
  const rows: (string | number | null)[][] = [];
  for (const opd of opds) {
    for (let k = 0; k < opts.itemsPerOpd; k++) {
      const day = 1 + ((opd.id + k) % 28);
      rows.push([opd.workspaceId, evaluations.get(opd.workspaceId)!, opd.id, indicatorIds[(opd.id + k) % indicatorIds.length]!, 'dokumen',
        `Item ${k + 1} ${opd.code}`, `2024-${k % 2 ? '09' : '11'}-${String(day).padStart(2, '0')}`, k % 3 === 0 ? pics.get(opd.id)! : null,
        statuses[(opd.id + k) % statuses.length]!, now, now, now]);
    }
  }
  await insertRows(db, 'ChecklistItem', ['workspaceId', 'evaluationId', 'opdId', 'indicatorId', 'stage', 'title', 'dueDate', 'assigneeId', 'status', 'statusAt', 'createdAt', 'updatedAt'], rows);
  return fw;
}
