// Items are listed by their due date (their own, else their stage's) the same way on SQLite and
// PostgreSQL: nearest first, undated last in /ceklis; most overdue first in /progres, where an
// item overdue by its stage's deadline counts as much as one overdue by its own. Left to each
// database, an item without a date of its own came first on SQLite and last on PostgreSQL. The
// dashboard's OPD page and /tugas follow the same order; /skor lists an indicator's items by level,
// items without one last.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardOpdPage } from '../../src/app/dashboard-opd.ts';
import { findViewer } from '../../src/app/viewer.ts';
import type { Harness } from '../support/bot-harness.ts';
import { GROUP, rina, sekda, startHarness, textOf } from '../support/bot-harness.ts';

const NOW = new Date('2024-09-20T01:00:00Z');
let h: Harness;
const ids: Record<string, number> = {};
let dinkesId = 0;
let indicatorNo = 0;

beforeAll(async () => {
  h = await startHarness({ now: () => NOW });
  const db = h.t.db;
  const ws = await db.workspace.findUniqueOrThrow({ where: { slug: 'demo-kaltim' } });
  const evaluation = await db.evaluation.findFirstOrThrow({ where: { workspaceId: ws.id }, orderBy: { year: 'desc' } });
  const dinkes = await db.opd.findFirstOrThrow({ where: { workspaceId: ws.id, code: 'dinkes' } });
  await db.stage.upsert({
    where: { evaluationId_kind: { evaluationId: evaluation.id, kind: 'mandiri' } },
    create: { evaluationId: evaluation.id, kind: 'mandiri', dueDate: '2024-09-05' },
    update: { dueDate: '2024-09-05' },
  });
  dinkesId = dinkes.id;
  // An indicator no seeded item is on, so /skor lists only the three below.
  const used = new Set((await db.checklistItem.findMany({ where: { workspaceId: ws.id }, select: { indicatorId: true } })).map((i) => i.indicatorId));
  const indicator = (await db.indicator.findMany({ where: { frameworkId: evaluation.frameworkId }, orderBy: { no: 'asc' } })).find((i) => !used.has(i.id))!;
  indicatorNo = indicator.no;
  const make = async (title: string, dueDate: string | null, stage: string | null, level: number | null = null) => {
    ids[title] = (await db.checklistItem.create({
      data: { workspaceId: ws.id, evaluationId: evaluation.id, opdId: dinkes.id, title, dueDate, stage, level, indicatorId: level === null ? null : indicator.id, assigneeId: title === 'Undated' ? (await db.person.findFirstOrThrow({ where: { telegramId: BigInt(rina.id) } })).id : null },
    })).id;
  };
  await make('Own date later', '2024-10-01', null);
  await make('Undated', null, null);
  await make('Own date overdue', '2024-09-10', null);
  await make('Stage overdue', null, 'mandiri');
  await make('Level three', '2024-12-01', null, 3);
  await make('Level one', '2024-12-02', null, 1);
});
afterAll(() => h.stop());

const order = (text: string, titles: string[]) => titles.map((t) => text.indexOf(`#${ids[t]} ${t}`));

describe('due order, the same on both databases', () => {
  it('/ceklis lists nearest due first (the stage date for an item without its own) and undated last', async () => {
    const text = textOf(await h.say(rina, GROUP, '/ceklis dinkes'));
    const at = order(text, ['Stage overdue', 'Own date overdue', 'Own date later', 'Undated']);
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toContain(`#${ids['Stage overdue']} Stage overdue`);
    expect(text).toMatch(/Stage overdue[^\n]*5 September 2024 ⚠️ terlambat/);
    expect(text).toMatch(/Own date later[^\n]*1 Oktober 2024(?! ⚠️)/);
  });

  it('/progres lists the most overdue first, by its stage\'s deadline or its own', async () => {
    const text = textOf(await h.say(sekda, GROUP, '/progres'));
    const stage = text.indexOf(`#${ids['Stage overdue']} Stage overdue — Dinas Kesehatan — tenggat 5 September 2024`);
    const own = text.indexOf(`#${ids['Own date overdue']} Own date overdue — Dinas Kesehatan — tenggat 10 September 2024`);
    expect(stage).toBeGreaterThan(-1);
    expect(own).toBeGreaterThan(stage);
    expect(text).not.toContain('Own date later');
    expect(text).not.toContain(`#${ids.Undated} Undated`);
  });

  it('the dashboard\'s OPD page lists them in the same order as /ceklis', async () => {
    const found = await findViewer(h.t.db, rina.id, null);
    if (!found.ok) throw new Error(`no viewer: ${found.problem}`);
    const page = await dashboardOpdPage(h.t.db, found.viewer, dinkesId, NOW);
    if (!page.ok) throw new Error('no page');
    const titles = page.items.map((i) => i.title).filter((t) => t in ids);
    expect(titles).toEqual(['Stage overdue', 'Own date overdue', 'Own date later', 'Level three', 'Level one', 'Undated']);
    expect(page.items.find((i) => i.title === 'Stage overdue')?.due?.iso).toBe('2024-09-05');
  });

  it('/skor lists an indicator\'s items lowest level first, items without a level last', async () => {
    await h.t.db.checklistItem.update({ where: { id: ids['Own date later']! }, data: { indicatorId: (await h.t.db.checklistItem.findUniqueOrThrow({ where: { id: ids['Level one']! } })).indicatorId } });
    const text = textOf(await h.say(rina, GROUP, `/skor ${indicatorNo}`));
    const at = order(text, ['Level one', 'Level three', 'Own date later']);
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('/tugas lists nearest due first and undated last', async () => {
    const db = h.t.db;
    const rinaId = (await db.person.findFirstOrThrow({ where: { telegramId: BigInt(rina.id) } })).id;
    await db.checklistItem.updateMany({ where: { id: { in: [ids['Stage overdue']!, ids['Own date later']!] } }, data: { assigneeId: rinaId } });
    const text = textOf(await h.say(rina, GROUP, '/tugas'));
    expect(text).toMatch(/Stage overdue — Dinas Kesehatan — 5 September 2024 ⚠️ terlambat/);
    const at = order(text, ['Stage overdue', 'Own date later', 'Undated']);
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('/progres counts every overdue item, and says when it shows only the most overdue', async () => {
    const db = h.t.db;
    const before = textOf(await h.say(sekda, GROUP, '/progres'));
    const shown = Number(/Terlambat<\/b> \((\d+)\):/.exec(before)?.[1]);
    expect(shown).toBeGreaterThanOrEqual(2);
    const item = await db.checklistItem.findUniqueOrThrow({ where: { id: ids['Own date overdue']! } });
    await db.checklistItem.createMany({ data: Array.from({ length: 20 }, (_, k) => ({
      workspaceId: item.workspaceId, evaluationId: item.evaluationId, opdId: item.opdId, title: `Extra overdue ${k}`, dueDate: '2024-09-15',
    })) });
    const text = textOf(await h.say(sekda, GROUP, '/progres'));
    expect(text).toContain(`<b>Terlambat</b> (${shown + 20}), 15 yang paling lama ditampilkan:`);
    expect(text.match(/⚠️ #/g)).toHaveLength(15);
  });
});
