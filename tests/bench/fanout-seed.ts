// The reminder fan-out's database: 4 workspaces × 500 linked groups (WIB, quiet hours off), 10 OPDs
// and 20 open `dokumen` items each, and one pending H-3 `stage-group` row per group due at DUE_AT,
// keyed and shaped as the planner writes them (so a replan keeps them). Used by the in-process
// reminders benchmark and by the several-processes one.
import { CLI_ACTOR } from '../../src/db/audit.ts';
import type { Db } from '../../src/db/client.ts';
import { findFrameworkIdByCode } from '../../src/db/frameworks.ts';
import { createWorkspace } from '../../src/db/workspaces.ts';

export const GROUPS = 2_000;
const WORKSPACES = 4;
/** Tuesday 24 November 2026, 09.00 WIB: a working day, outside quiet hours. */
export const CLOCK = new Date('2026-11-24T02:00:00Z');
/** H-3 of the dokumen deadline at 08.00 WIB, as the planner would set it. */
export const DUE_AT = new Date('2026-11-24T01:00:00Z');
const STAGE_DUE = '2026-11-27';

export interface Target { workspaceId: number; evaluationId: number; chatId: bigint }

export interface FanOut {
  targets: Target[];
  /** where-clause of the fan-out's delivery rows */
  rows: { workspaceId: { in: number[] } };
  /** Deletes the fan-out's delivery rows and writes one pending row per group, due at DUE_AT. */
  reset(): Promise<void>;
}

export async function seedFanOut(db: Db): Promise<FanOut> {
  const frameworkId = (await findFrameworkIdByCode(db, 'spbe-2020'))!;
  const targets: Target[] = [];
  for (let w = 0; w < WORKSPACES; w++) {
    const { workspace, evaluation } = await createWorkspace(db, {
      slug: `pengingat-${w}`, name: `Instansi Pengingat ${w}`, timeZone: 'Asia/Jakarta', targetUnits: null, frameworkId, year: 2026, admin: null,
    }, CLI_ACTOR);
    await db.stage.update({ where: { evaluationId_kind: { evaluationId: evaluation.id, kind: 'dokumen' } }, data: { dueDate: STAGE_DUE } });
    await db.opd.createMany({ data: Array.from({ length: 10 }, (_, o) => ({ workspaceId: workspace.id, code: `opd-${o + 1}`, name: `OPD ${o + 1}` })) });
    const opds = await db.opd.findMany({ where: { workspaceId: workspace.id }, select: { id: true } });
    await db.checklistItem.createMany({
      data: Array.from({ length: 20 }, (_, k) => ({
        workspaceId: workspace.id, evaluationId: evaluation.id, opdId: opds[k % opds.length]!.id, stage: 'dokumen', title: `Butir ${k + 1}`,
        status: ['belum', 'proses', 'diajukan', 'selesai', 'revisi'][k % 5]!,
      })),
    });
    const perWorkspace = GROUPS / WORKSPACES;
    const chats = Array.from({ length: perWorkspace }, (_, i) => BigInt(-1_002_000_000_000 - (w * perWorkspace + i)));
    await db.chat.createMany({
      data: chats.map((chatId, i) => ({ workspaceId: workspace.id, telegramChatId: chatId, type: 'supergroup', title: `Grup ${w}-${i}`, settings: '{"quietStart":0,"quietEnd":0}' })),
    });
    for (const chatId of chats) targets.push({ workspaceId: workspace.id, evaluationId: evaluation.id, chatId });
  }
  const rows = { workspaceId: { in: [...new Set(targets.map((t) => t.workspaceId))] } };
  return {
    targets, rows,
    async reset() {
      await db.reminderDelivery.deleteMany({ where: rows });
      await db.reminderDelivery.createMany({
        data: targets.map((t) => ({
          workspaceId: t.workspaceId, key: `stage:${t.evaluationId}:dokumen:${STAGE_DUE}:3:g${t.chatId}`, kind: 'stage-group', telegramChatId: t.chatId, dueAt: DUE_AT,
          payload: JSON.stringify({ evaluationId: t.evaluationId, stage: 'dokumen', dueDate: STAGE_DUE, offset: 3, opdId: null }),
        })),
      });
    },
  };
}
