// The first hour as the README tells it: a workspace made with `workspace create --admin <id>`;
// that person opens the bot and runs the campaign commands with no other step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import type { Harness, Person } from '../support/bot-harness.ts';
import { startHarness, textOf } from '../support/bot-harness.ts';

const ani: Person = { id: 5_550_001, first_name: 'Ani' };
let h: Harness;
let created = '';
beforeAll(async () => {
  h = await startHarness({ now: () => new Date('2026-03-02T01:00:00Z') });
  const out: string[] = [];
  const code = await runCli({ db: h.t.db, io: { out: (t) => out.push(t), err: (t) => out.push(t) }, now: new Date('2026-03-02T01:00:00Z'), cwd: '/' },
    ['workspace', 'create', '--slug', 'kab-paser', '--name', 'Pemkab Paser', '--tz', 'WITA', '--admin', String(ani.id)]);
  expect(code).toBe(0);
  created = out.join('\n');
});
afterAll(() => h.stop());

describe('the first admin', () => {
  it('is told by the CLI that they are admin and koordinator', () => {
    expect(created).toContain(`Admin pertama: Telegram ${ani.id}, dengan peran admin dan koordinator`);
  });

  it('runs /nilai, /jadwal, /tugaskan and /siapkan without any other step', async () => {
    await h.say(ani, ani.id, '/start');
    const refused = /tidak memiliki akses/;
    const nilai = textOf(await h.say(ani, ani.id, '/nilai 3 1,26'));
    expect(nilai).not.toMatch(refused);
    expect(nilai).toContain('1,26');
    expect(textOf(await h.say(ani, ani.id, '/jadwal dokumen 30-06-2026'))).not.toMatch(refused);
    expect(textOf(await h.say(ani, ani.id, '/tugaskan'))).not.toMatch(refused);
    await h.say(ani, ani.id, '/batal');
    expect(textOf(await h.say(ani, ani.id, '/siapkan'))).not.toMatch(refused);
    const workspace = await h.t.db.workspace.findUniqueOrThrow({ where: { slug: 'kab-paser' } });
    const stage = await h.t.db.stage.findFirstOrThrow({ where: { kind: 'dokumen', evaluation: { workspaceId: workspace.id } } });
    expect(stage.dueDate).toBe('2026-06-30');
    expect(await h.t.db.score.count({ where: { evaluation: { workspaceId: workspace.id } } })).toBeGreaterThan(0);
  });
});
