// Items are listed by their due date (their own, else their stage's) the same way on SQLite and
// PostgreSQL: nearest first, undated last in /ceklis; most overdue first in /progres, where an
// item overdue by its stage's deadline counts as much as one overdue by its own. Left to each
// database, an item without a date of its own came first on SQLite and last on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../support/bot-harness.ts';
import { GROUP, rina, sekda, startHarness, textOf } from '../support/bot-harness.ts';

let h: Harness;
const ids: Record<string, number> = {};

beforeAll(async () => {
  h = await startHarness({ now: () => new Date('2024-09-20T01:00:00Z') });
  const db = h.t.db;
  const ws = await db.workspace.findUniqueOrThrow({ where: { slug: 'demo-kaltim' } });
  const evaluation = await db.evaluation.findFirstOrThrow({ where: { workspaceId: ws.id }, orderBy: { year: 'desc' } });
  const dinkes = await db.opd.findFirstOrThrow({ where: { workspaceId: ws.id, code: 'dinkes' } });
  await db.stage.upsert({
    where: { evaluationId_kind: { evaluationId: evaluation.id, kind: 'mandiri' } },
    create: { evaluationId: evaluation.id, kind: 'mandiri', dueDate: '2024-09-05' },
    update: { dueDate: '2024-09-05' },
  });
  const make = async (title: string, dueDate: string | null, stage: string | null) => {
    ids[title] = (await db.checklistItem.create({ data: { workspaceId: ws.id, evaluationId: evaluation.id, opdId: dinkes.id, title, dueDate, stage } })).id;
  };
  await make('Own date later', '2024-10-01', null);
  await make('Undated', null, null);
  await make('Own date overdue', '2024-09-10', null);
  await make('Stage overdue', null, 'mandiri');
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
    expect(text).toMatch(/Stage overdue[^\n]*5 September 2024/);
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
});
