// The live Pemdi demo the sandbox runs on (src/db/demo-live.ts), seen as a newcomer sees it: on a
// fresh database, with no other step, /indeks, /progres, /ceklis, /tugas and /laporan all have
// something to show; a day later it is rebuilt with its dates moved; a real workspace is never
// touched by a rebuild.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { BotDeps } from '../../src/bot/context.ts';
import { scoreTexts } from '../../src/bot/texts-scores.ts';
import { checklistTexts, stageTexts } from '../../src/bot/texts.ts';
import { renderDomainChart, renderStageChart } from '../../src/charts/index-charts.ts';
import { CLI_ACTOR } from '../../src/db/audit.ts';
import type { Db } from '../../src/db/client.ts';
import { createItem } from '../../src/db/checklists.ts';
import { seedDemoWorkspace } from '../../src/db/demo.ts';
import { LiveDemoError, seedLiveDemo } from '../../src/db/demo-live.ts';
import { createOpd } from '../../src/db/opds.ts';
import { loadReportInput } from '../../src/db/report-data.ts';
import { setStageDate } from '../../src/db/stages.ts';
import { createWorkspace } from '../../src/db/workspaces.ts';
import type { ItemStatus } from '../../src/domain/checklists.ts';
import { STATUS_ICONS } from '../../src/domain/checklists.ts';
import { addDays, formatDateId, formatIsoDate, toLocalDate } from '../../src/domain/dates.ts';
import { buildReport } from '../../src/domain/report.ts';
import { STAGE_LABELS } from '../../src/domain/stages.ts';
import { REPORT_SHEETS } from '../../src/files/report-sheet-texts.ts';
import { htmlToTerminal } from '../../src/sandbox/render.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb } from '../support/db.ts';
import type { SandboxSession } from '../support/sandbox-session.ts';
import { outputContaining, startSandboxSession } from '../support/sandbox-session.ts';

const ZONE = 'Asia/Makassar';
const DAY_MS = 86_400_000;
const plain = (html: string) => htmlToTerminal(html, { color: false });

const open: { sessions: SandboxSession[]; dbs: TestDb[] } = { sessions: [], dbs: [] };

afterEach(async () => {
  for (const s of open.sessions.splice(0)) await s.close();
  for (const t of open.dbs.splice(0)) await t.close();
});

/** A fresh database and bot dependencies whose clock says `now()`. */
function freshDeps(now: () => Date = () => new Date()): { t: TestDb; deps: BotDeps } {
  const t = createTestDb();
  open.dbs.push(t);
  const deps: BotDeps = {
    db: t.db, clock: { now }, logger: { info() {}, warn() {}, error() {} },
    charts: { domains: renderDomainChart, stages: renderStageChart },
  };
  return { t, deps };
}

async function start(deps: BotDeps, reset = false): Promise<SandboxSession> {
  const session = await startSandboxSession(deps, { reset });
  open.sessions.push(session);
  return session;
}

async function demoWorkspace(db: Db) {
  return db.workspace.findUniqueOrThrow({ where: { slug: 'demo-pemdi' } });
}

describe('the live demo on a fresh database', () => {
  it('shows the current Pemdi year in /indeks, /progres, /ceklis, /tugas and /laporan with no other step', async () => {
    const { t, deps } = freshDeps();
    const s = await start(deps);
    const now = new Date();
    const year = toLocalDate(now, ZONE).year;

    const welcome = await outputContaining(s.output, 0, ':keluar');
    expect(welcome).toContain(`Indeks Pemdi ${year}`);
    const tryLines = welcome.slice(welcome.indexOf('Coba ini dulu')).split('\n').slice(1, 6);
    expect(tryLines.map((l) => l.trim().split(/\s{2,}/)[0])).toEqual(['/indeks', '/progres', '/ceklis bappeda', ':sebagai 2, /tugas', '/laporan']);

    const index = await s.type('/indeks', '[1] 📊 Grafik');
    for (const line of plain(scoreTexts.indexTitle('Indeks Pemerintah Digital', year, 'Pemkab Paser (demo)', STAGE_LABELS.dokumen)).split('\n')) {
      expect(index).toContain(line);
    }
    expect(index).toMatch(/Indeks: \d,\d\d \((Kurang|Cukup|Baik|Sangat Baik|Memuaskan)\)/);
    // the assessors' document stage against the team's own self-assessment
    expect(index).toMatch(new RegExp(`Dibanding ${STAGE_LABELS.mandiri}: -\\d,\\d\\d`));

    const progress = await s.type('/progres', 'Ekspor ceklis');
    expect(progress).toContain(plain(checklistTexts.progressTitle('Pemkab Paser (demo)', year)));
    const bars = [...progress.matchAll(/(\d+)% (.+) \((\d+)\/(\d+)\)/g)];
    expect(bars.length).toBeGreaterThanOrEqual(3);
    expect(new Set(bars.map((b) => b[1])).size).toBeGreaterThanOrEqual(3);
    const overdue = /Terlambat \((\d+)\):/.exec(progress);
    expect(Number(overdue?.[1])).toBeGreaterThan(0);
    expect(progress).toMatch(/⚠️ #\d+ .* — Bappeda — tenggat /);

    const list = await s.type('/ceklis bappeda', '[1] Buka');
    const lines = list.split('\n').map((l) => l.trim());
    for (const status of ['belum', 'proses', 'diajukan', 'revisi', 'selesai'] satisfies ItemStatus[]) {
      expect(lines.some((l) => l.startsWith(`${STATUS_ICONS[status]} #`)), status).toBe(true);
    }

    await s.type(':sebagai 2', 'Sekarang Anda Budi');
    const tasks = await s.type('/tugas', 'Tugas Anda');
    const count = Number(/Tugas Anda \((\d+) terbuka/.exec(tasks)?.[1]);
    expect(count).toBeGreaterThanOrEqual(3);
    expect(tasks).toContain(plain(checklistTexts.tasksTitle(count)));
    expect(tasks.split('\n').filter((l) => l.includes(' — Bappeda — '))).toHaveLength(count);

    await s.type(':sebagai 1', 'Sekarang Anda Rina');
    const report = await s.type('/laporan', 'XLSX lengkap');
    // Pemdi has no domains: its first chart is per aspect, and the caption says so.
    expect(report).toContain('Aspek terhadap target');
    const workbookPath = /disimpan: (\S+\.xlsx)/.exec(report)?.[1];
    expect(workbookPath).toBeDefined();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(workbookPath!);
    // row 1 is the title and row 2 the header
    const dataRows = (name: string) => workbook.getWorksheet(name)!.getRows(3, 500)?.filter((r) => r.hasValues) ?? [];
    expect(dataRows(REPORT_SHEETS.sheetOpds).length).toBeGreaterThanOrEqual(3);
    expect(dataRows(REPORT_SHEETS.sheetItems).length).toBeGreaterThanOrEqual(20);

    const model = buildReport(await loadReportInput(t.db, (await demoWorkspace(t.db)).id, now));
    expect(model.opds.filter((o) => o.total > 0).length).toBeGreaterThanOrEqual(3);
    expect(new Set(model.opds.map((o) => o.done / o.total)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(model.items.map((i) => i.status))).toEqual(new Set(['belum', 'proses', 'diajukan', 'revisi', 'selesai']));
    expect(model.items.some((i) => i.overdue)).toBe(true);
    expect(model.trend.map((p) => p.year)).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024, year]);
    expect(model.stages.map((st) => st.stage)).toEqual(['mandiri', 'dokumen']);
  });

  it('is the checklist /siapkan makes: running /siapkan on it adds nothing', async () => {
    const { t, deps } = freshDeps();
    const s = await start(deps);
    await outputContaining(s.output, 0, ':keluar');
    const workspaceId = (await demoWorkspace(t.db)).id;
    const before = await t.db.checklistItem.count({ where: { workspaceId } });
    const reply = await s.type('/siapkan', 'Item ceklis dibuat');
    expect(reply).toMatch(/Item ceklis dibuat: 0 baru, \d+ sudah ada/);
    expect(await t.db.checklistItem.count({ where: { workspaceId } })).toBe(before);
  });

  it('has its reminders planned, and evidence on what was submitted, sent back or accepted', async () => {
    const { t, deps } = freshDeps();
    await start(deps);
    const ws = await demoWorkspace(t.db);
    const pending = await t.db.reminderDelivery.findMany({ where: { workspaceId: ws.id, state: 'pending' } });
    expect(pending.some((r) => r.kind === 'stage-group')).toBe(true);
    expect(pending.some((r) => r.kind === 'stage-pic')).toBe(true);
    const items = await t.db.checklistItem.findMany({ where: { workspaceId: ws.id }, include: { evidence: true } });
    for (const item of items) {
      const expected = ['diajukan', 'revisi', 'selesai'].includes(item.status);
      expect(item.evidence.length > 0, `item ${item.id} (${item.status})`).toBe(expected);
      if (item.status === 'revisi') expect(item.revisionReason).toBeTruthy();
    }
    const evidence = items.flatMap((i) => i.evidence);
    expect(evidence.some((e) => e.kind === 'document' && e.telegramFileId)).toBe(true);
    expect(evidence.some((e) => e.kind === 'link' && e.url?.startsWith('https://'))).toBe(true);
  });
});

describe('rebuilding', () => {
  it('a year later the demo is rebuilt on start, its stages in the new year', async () => {
    let now = new Date();
    const { t, deps } = freshDeps(() => now);
    const first = await start(deps);
    await first.close();
    open.sessions.splice(0);
    const itemsBefore = await t.db.checklistItem.count();

    now = new Date(Date.now() + 365 * DAY_MS);
    const today = toLocalDate(now, ZONE);
    const s = await start(deps);
    const welcome = await outputContaining(s.output, 0, ':keluar');
    expect(welcome).toContain(`Indeks Pemdi ${today.year}`);
    expect(welcome).toContain('Data demo baru dibangun');
    const stages = await s.type('/tahapan', 'Hasil Akhir');
    expect(stages).toContain(plain(stageTexts.title('Indeks Pemerintah Digital', today.year, 'Pemkab Paser (demo)')));
    expect(stages).toContain(plain(stageTexts.line(STAGE_LABELS.interviu, formatDateId(addDays(today, 5)), '10.00 WITA', '5 hari lagi')));
    expect(await s.type('/indeks', '[1] 📊 Grafik')).toContain(`Indeks Pemerintah Digital ${today.year}`);

    // one demo, built anew: nothing of the old one is left
    expect(await t.db.workspace.count()).toBe(1);
    expect(await t.db.evaluation.findMany({ select: { year: true } })).toEqual([{ year: today.year }]);
    expect(await t.db.checklistItem.count()).toBe(itemsBefore);
    expect(await t.db.chat.count()).toBe(1);
    const reminders = await t.db.reminderDelivery.findMany({ where: { state: 'pending' } });
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.every((r) => r.dueAt >= now)).toBe(true);
  });

  it('is kept as it is on the same day, with what people changed, and rebuilt at once with --reset', async () => {
    const now = new Date(); // one day throughout, even when the test runs over midnight
    const { t, deps } = freshDeps(() => now);
    const first = await start(deps);
    await first.type('/nilai 19 2,25 interviu', `Tercatat: indikator 19, tahap ${STAGE_LABELS.interviu}`);
    await first.close();
    open.sessions.splice(0);
    const recorded = { where: { stage: 'interviu' } };
    expect(await t.db.score.count(recorded)).toBe(1);

    const again = await start(deps);
    expect(await outputContaining(again.output, 0, ':keluar')).toContain('npm start -- --reset');
    expect(await t.db.score.count(recorded)).toBe(1);
    await again.close();
    open.sessions.splice(0);

    const reset = await start(deps, true);
    expect(await outputContaining(reset.output, 0, ':keluar')).toContain('Data demo baru dibangun');
    expect(await t.db.score.count(recorded)).toBe(0);
  });
});

/** Every row a workspace owns, as JSON, to compare before and after. */
async function snapshot(db: Db, workspaceIds: number[]): Promise<string> {
  const where = { workspaceId: { in: workspaceIds } };
  const rows = await Promise.all([
    db.workspace.findMany({ where: { id: { in: workspaceIds } }, orderBy: { id: 'asc' } }),
    db.member.findMany({ where, include: { roles: true, opds: true }, orderBy: { id: 'asc' } }),
    db.opd.findMany({ where, orderBy: { id: 'asc' } }),
    db.evaluation.findMany({ where, include: { stages: true, scores: true, scoreChanges: true, externalValues: true }, orderBy: { id: 'asc' } }),
    db.indicatorOwner.findMany({ where, orderBy: { id: 'asc' } }),
    db.checklistItem.findMany({ where, include: { evidence: true }, orderBy: { id: 'asc' } }),
    db.chat.findMany({ where, orderBy: { id: 'asc' } }),
    db.invite.findMany({ where, orderBy: { id: 'asc' } }),
    db.reminderDelivery.findMany({ where, orderBy: { id: 'asc' } }),
    db.pastResult.findMany({ where, include: { domains: true }, orderBy: { id: 'asc' } }),
    db.auditEntry.findMany({ where, orderBy: { id: 'asc' } }),
    db.person.findMany({ where: { telegramId: 123_456_789n } }),
  ]);
  return JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

describe('other workspaces', () => {
  it('a build, a reset and a rebuild a year later leave every row of a real workspace and of the SPBE demo as they were', async () => {
    const { t } = freshDeps();
    const now = new Date();
    const kaltim = await seedDemoWorkspace(t.db);
    const { workspace: real, evaluation } = await createWorkspace(t.db, {
      slug: 'kab-contoh', name: 'Pemkab Contoh', timeZone: ZONE, targetUnits: 30_000, frameworkId: (await t.db.framework.findUniqueOrThrow({ where: { code: 'pemdi-2026' } })).id,
      year: toLocalDate(now, ZONE).year, admin: { telegramId: 123_456_789n, displayName: 'Admin Contoh' },
    }, CLI_ACTOR);
    const opd = await createOpd(t.db, real.id, 'bappeda', 'Bappeda', CLI_ACTOR);
    await createItem(t.db, {
      workspaceId: real.id, evaluationId: evaluation.id, opdId: opd.id, indicatorId: null, stage: 'dokumen', level: null,
      title: 'Perbup arsitektur Pemdi', description: null, dueDate: null, assigneeId: null,
    }, CLI_ACTOR, now);
    await t.db.chat.create({ data: { workspaceId: real.id, telegramChatId: -100_123n, title: 'Tim Contoh', type: 'supergroup' } });
    await setStageDate(t.db, {
      evaluationId: evaluation.id, workspaceId: real.id, stage: 'dokumen', dueDate: formatIsoDate(addDays(toLocalDate(now, ZONE), 10)), dueTime: null,
    }, CLI_ACTOR, now);
    expect(await t.db.reminderDelivery.count({ where: { workspaceId: real.id } })).toBeGreaterThan(0);
    const before = await snapshot(t.db, [kaltim, real.id]);

    await seedLiveDemo(t.db, now);
    await seedLiveDemo(t.db, now, { reset: true });
    await seedLiveDemo(t.db, new Date(now.getTime() + 365 * DAY_MS));

    expect(await snapshot(t.db, [kaltim, real.id])).toBe(before);
    expect(await t.db.workspace.count()).toBe(3);
  });

  it('on a database that has the SPBE demo too, the demo people answer for the live demo in their private chat', async () => {
    const { t, deps } = freshDeps();
    await seedDemoWorkspace(t.db);
    const s = await start(deps);
    await s.type(':pribadi', 'di chat pribadi dengan bot');
    const year = toLocalDate(new Date(), ZONE).year;
    expect(await s.type('/indeks', '[1] 📊 Grafik')).toContain(`Indeks Pemerintah Digital ${year} — Pemkab Paser (demo)`);
    await s.type(':sebagai 2', 'Sekarang Anda Budi');
    expect(await s.type('/tugas', 'Tugas Anda')).toContain(' — Bappeda — ');
  });

  it('a real workspace that has the demo\'s slug is refused, not rebuilt', async () => {
    const { t, deps } = freshDeps();
    const { workspace } = await createWorkspace(t.db, {
      slug: 'demo-pemdi', name: 'Bukan demo', timeZone: ZONE, targetUnits: null,
      frameworkId: (await t.db.framework.findUniqueOrThrow({ where: { code: 'pemdi-2026' } })).id, year: 2026, admin: null,
    }, CLI_ACTOR);
    const before = await snapshot(t.db, [workspace.id]);
    await expect(seedLiveDemo(t.db, new Date(), { reset: true })).rejects.toThrow(LiveDemoError);
    await expect(startSandboxSession(deps)).rejects.toThrow(/bukan workspace demo/);
    expect(await snapshot(t.db, [workspace.id])).toBe(before);
  });
});
