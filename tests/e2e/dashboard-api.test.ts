// The dashboard's data and sign-in, through the bot's own HTTP server: the figures are the ones
// /indeks and /progres give for the same data, each role sees what its chat commands show, and a
// bad, stale, foreign or missing sign-in gets an error and nothing else.
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/db/audit.ts';
import { findFrameworkIdByCode } from '../../src/db/frameworks.ts';
import { createWorkspace } from '../../src/db/workspaces.ts';
import type { DashboardSummary } from '../../src/app/dashboard.ts';
import type { Harness } from '../support/bot-harness.ts';
import { budi, GROUP, rina, sekda, startHarness, tamu, textOf } from '../support/bot-harness.ts';
import { addItems, getJson, signedInitData } from '../support/dashboard.ts';

const DASHBOARD = { url: 'https://bot.example.go.id/dasbor', appLink: null };
let h: Harness;
afterEach(async () => h?.stop());

const summaryOf = async (person: typeof rina, path = '/dasbor/api/ringkasan') => {
  const { status, body } = await getJson(h.running.port!, path, signedInitData(person, h.api.token, h.deps.clock.now()));
  expect(status).toBe(200);
  return body as unknown as DashboardSummary;
};

describe('dashboard data', () => {
  it('shows the index and every OPD as /indeks and /progres do, to a koordinator', async () => {
    h = await startHarness({ dashboard: DASHBOARD });
    await addItems(h);
    const summary = await summaryOf(rina);
    const indeks = textOf(await h.say(rina, GROUP, '/indeks'));
    const [, value, predicate] = /Indeks: <b>([\d,]+)<\/b> \(([^)]+)\)/.exec(indeks)!;
    expect(summary.index!.value).toBe(value);
    expect(summary.index!.predicate).toBe(predicate);
    for (const g of summary.index!.groups) expect(indeks).toContain(`${g.no}. ${g.name}: ${g.value ?? '–'}`);
    const progres = textOf(await h.say(rina, GROUP, '/progres'));
    const bars = [...progres.matchAll(/<\/code> (.+) \((\d+)\/(\d+)\)/g)].map(([, name, done, total]) => ({ name, done: Number(done), total: Number(total) }));
    expect(bars.length).toBeGreaterThan(0);
    for (const bar of bars) {
      const row = summary.opds.find((o) => o.name === bar.name)!;
      expect({ name: row.name, done: row.selesai, total: row.total }).toEqual(bar);
      expect(row.selesai + row.diajukan + row.terbuka).toBe(row.total);
    }
    // /progres shows only OPDs with items; the dashboard every OPD of the workspace.
    expect(summary.opds.length).toBe(await h.t.db.opd.count({ where: { workspace: { slug: summary.workspace.slug } } }));
    expect(summary.viewer.seesAllOpds).toBe(true);
  });

  it('counts an open item past its deadline as late, and names the nearest deadline ahead', async () => {
    h = await startHarness({ dashboard: DASHBOARD, now: () => new Date('2026-10-20T02:00:00Z') });
    const bappeda = await h.t.db.opd.findFirstOrThrow({ where: { code: 'bappeda' } });
    const evaluation = await h.t.db.evaluation.findFirstOrThrow({ where: { workspaceId: bappeda.workspaceId }, orderBy: { year: 'desc' } });
    const before = (await summaryOf(rina)).opds.find((o) => o.code === 'bappeda')!;
    await h.t.db.checklistItem.createMany({ data: [
      { workspaceId: bappeda.workspaceId, evaluationId: evaluation.id, opdId: bappeda.id, title: 'Lewat tenggat', dueDate: '2026-10-01' },
      { workspaceId: bappeda.workspaceId, evaluationId: evaluation.id, opdId: bappeda.id, title: 'Tenggat besok', dueDate: '2026-10-21', status: 'proses' },
    ] });
    const after = (await summaryOf(rina)).opds.find((o) => o.code === 'bappeda')!;
    expect(after.terlambat).toBe(before.terlambat + 1);
    expect(after.terbuka).toBe(before.terbuka + 2);
    expect(after.nearestDue).toEqual({ iso: '2026-10-21', text: '21 Oktober 2026' });
  });

  it('gives a PIC only their own OPD, and a pimpinan every OPD', async () => {
    h = await startHarness({ dashboard: DASHBOARD });
    const pic = await summaryOf(budi);
    expect(pic.opds.map((o) => o.code)).toEqual(['bappeda']);
    expect(pic.opds[0]!.mine).toBe(true);
    expect(pic.viewer.seesAllOpds).toBe(false);
    expect(pic.index!.value).toBe((await summaryOf(rina)).index!.value);
    const leader = await summaryOf(sekda);
    expect(leader.opds.length).toBe((await summaryOf(rina)).opds.length);
  });

  it('answers a bad, stale, missing or foreign sign-in with an error and no data', async () => {
    h = await startHarness({ dashboard: DASHBOARD });
    const port = h.running.port!;
    const noData = (body: Record<string, unknown>) => expect(Object.keys(body).sort()).toEqual(expect.arrayContaining(['error']));
    const missing = await getJson(port, '/dasbor/api/ringkasan', null);
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatch(/tidak sah/);
    const forged = await getJson(port, '/dasbor/api/ringkasan', signedInitData(rina, h.api.token).replace(`%22id%22%3A${rina.id}`, `%22id%22%3A${budi.id}`));
    expect(forged.status).toBe(401);
    const otherBot = await getJson(port, '/dasbor/api/ringkasan', signedInitData(rina, '999:another-bot-token'));
    expect(otherBot.status).toBe(401);
    const stale = await getJson(port, '/dasbor/api/ringkasan', signedInitData(rina, h.api.token, new Date(Date.now() - 13 * 3600_000)));
    expect(stale.status).toBe(401);
    expect(stale.body.error).toMatch(/kedaluwarsa/);
    const stranger = await getJson(port, '/dasbor/api/ringkasan', signedInitData(tamu, h.api.token));
    expect(stranger.status).toBe(403);
    for (const r of [missing, forged, otherBot, stale, stranger]) {
      noData(r.body);
      expect(r.body).not.toHaveProperty('index');
      expect(r.body).not.toHaveProperty('opds');
    }
  });

  it('shows a member of another workspace nothing of this one, even when they name it', async () => {
    h = await startHarness({ dashboard: DASHBOARD });
    const frameworkId = (await findFrameworkIdByCode(h.t.db, 'spbe-2020'))!;
    await createWorkspace(h.t.db, {
      slug: 'paser', name: 'Pemkab Paser', timeZone: 'Asia/Makassar', targetUnits: null, frameworkId, year: 2024,
      admin: { telegramId: BigInt(tamu.id), displayName: 'Tamu' },
    }, CLI_ACTOR);
    const own = await summaryOf(tamu);
    expect(own.workspace.slug).toBe('paser');
    expect(own.opds).toEqual([]);
    const demo = (await summaryOf(rina)).workspace.slug;
    const named = await getJson(h.running.port!, `/dasbor/api/ringkasan?ws=${demo}`, signedInitData(tamu, h.api.token));
    expect(named.status).toBe(403);
    expect(named.body).not.toHaveProperty('index');
  });
});

describe('opening the dashboard from chat', () => {
  it('gives a web_app button in a private chat and a link to it in a group', async () => {
    h = await startHarness({ dashboard: DASHBOARD });
    const slug = (await h.t.db.workspace.findFirstOrThrow()).slug;
    const inPrivate = await h.say(rina, rina.id, '/dasbor');
    const keyboard = (inPrivate.params.reply_markup as { inline_keyboard: { text: string; web_app?: { url: string }; url?: string }[][] }).inline_keyboard;
    expect(keyboard[0]![0]).toMatchObject({ text: '📊 Dasbor', web_app: { url: `https://bot.example.go.id/dasbor?ws=${slug}` } });
    const inGroup = await h.say(rina, GROUP, '/dasbor');
    expect(textOf(inGroup)).toContain('chat pribadi');
    const groupKeyboard = (inGroup.params.reply_markup as { inline_keyboard: { text: string; url?: string }[][] }).inline_keyboard;
    expect(groupKeyboard[0]![0]).toMatchObject({ text: '📊 Buka dasbor', url: 'https://t.me/spbe_test_bot?start=dasbor' });
    expect(groupKeyboard[0]![0]).not.toHaveProperty('web_app');
    // That link opens the private chat with /start dasbor: the web_app button.
    const started = await h.say(rina, rina.id, '/start dasbor');
    expect((started.params.reply_markup as typeof inPrivate.params.reply_markup & { inline_keyboard: { web_app?: unknown }[][] }).inline_keyboard[0]![0]!.web_app).toBeDefined();
    const stranger = await h.say(tamu, tamu.id, '/dasbor');
    expect(textOf(stranger)).not.toContain('Dasbor');
    expect(stranger.params.reply_markup).toBeUndefined();
  });

  it('says the dashboard is not set up when the server has no address for it', async () => {
    h = await startHarness();
    expect(textOf(await h.say(rina, rina.id, '/dasbor'))).toContain('DASHBOARD_URL');
  });
});
