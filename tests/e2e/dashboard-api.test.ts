// The dashboard's data and sign-in, through the bot's own HTTP server: the figures are the ones
// /indeks and /progres give for the same data, each role sees what its chat commands show, and a
// bad, stale, foreign or missing sign-in gets an error and nothing else.
import { get } from 'node:http';
import { connect } from 'node:net';
import { Script } from 'node:vm';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/db/audit.ts';
import { findFrameworkIdByCode } from '../../src/db/frameworks.ts';
import { createWorkspace } from '../../src/db/workspaces.ts';
import { acceptsGzip } from '../../src/dashboard/http.ts';
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


/** A second workspace (Pemkab Paser, the stranger Tamu its admin) with one OPD: for scoping checks. */
async function createPaser() {
  const frameworkId = (await findFrameworkIdByCode(h.t.db, 'spbe-2020'))!;
  const { workspace } = await createWorkspace(h.t.db, {
    slug: 'paser', name: 'Pemkab Paser', timeZone: 'Asia/Makassar', targetUnits: null, frameworkId, year: 2024,
    admin: { telegramId: BigInt(tamu.id), displayName: 'Tamu' },
  }, CLI_ACTOR);
  const paserOpd = await h.t.db.opd.create({ data: { workspaceId: workspace.id, code: 'bappeda', name: 'Bappeda Paser' } });
  return { workspace, paserOpd };
}

describe('the page', () => {
  it('is one small HTML file whose script compiles, served with a CSP that allows nothing else', async () => {
    h = await startHarness({ dashboard: DASHBOARD });
    const res = await fetch(`http://127.0.0.1:${h.running.port}/dasbor`);
    const html = await res.text();
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html.length).toBeLessThan(32_000);
    const script = html.slice(html.indexOf('<script>') + 8, html.indexOf('</script>'));
    expect(() => new Script(script)).not.toThrow();
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import/);
  });
});

/** A GET as a client that decompresses nothing: the bytes and headers as they travel. */
function rawGet(path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    get({ host: '127.0.0.1', port: h.running.port!, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

/** Sends raw bytes as an HTTP request and returns the response's status line. */
function rawRequest(port: number, bytes: string) {
  return new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let data = '';
    socket.on('data', (d) => { data += String(d); if (data.includes('\r\n')) { socket.destroy(); resolve(data.split('\r\n')[0]!); } });
    socket.on('error', reject);
  });
}

describe('a malformed request', () => {
  it.each([['polling', false], ['webhook', true]] as const)('is refused and the bot goes on (%s mode)', async (_mode, webhook) => {
    h = await startHarness({ dashboard: DASHBOARD, webhook });
    const port = h.running.port!;
    for (const line of ['GET //[ HTTP/1.1', 'GET http://x:99999/dasbor HTTP/1.1', 'POST //[/dasbor/api/ringkasan HTTP/1.1']) {
      expect(await rawRequest(port, `${line}\r\nHost: x\r\nContent-Length: 0\r\n\r\n`)).toMatch(/^HTTP\/1\.1 (400|403|404)/);
    }
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(textOf(await h.say(rina, GROUP, '/indeks'))).toContain('Indeks');
  });
});

describe('compression', () => {
  it('sends the page and a large answer gzipped to a client that accepts it, plain to one that does not', async () => {
    h = await startHarness({ dashboard: DASHBOARD });
    await addItems(h);
    const plain = await rawGet('/dasbor', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toContain('<script>');
    const zipped = await rawGet('/dasbor', { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('accept-encoding');
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 2);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect((await rawGet('/dasbor', { 'accept-encoding': 'gzip;q=0, identity' })).headers['content-encoding']).toBeUndefined();

    const auth = { authorization: `tma ${signedInitData(rina, h.api.token, h.deps.clock.now())}` };
    const summaryPlain = await rawGet('/dasbor/api/ringkasan', auth);
    const summaryZipped = await rawGet('/dasbor/api/ringkasan', { ...auth, 'accept-encoding': 'gzip' });
    expect(summaryZipped.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(summaryZipped.body).toString('utf8'))).toEqual(JSON.parse(summaryPlain.body.toString('utf8')));
    // A short error stays as it is: nothing to gain.
    const refused = await rawGet('/dasbor/api/ringkasan', { 'accept-encoding': 'gzip' });
    expect(refused.status).toBe(401);
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(refused.body.toString('utf8')).error).toMatch(/[a-z]/);
  });

  it('reads Accept-Encoding as HTTP defines it', () => {
    expect(acceptsGzip('gzip')).toBe(true);
    expect(acceptsGzip('deflate, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('*;q=0')).toBe(false);
    expect(acceptsGzip('gzip;q=0, *')).toBe(false);
    expect(acceptsGzip('br, deflate')).toBe(false);
    expect(acceptsGzip('x-gzip')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('')).toBe(false);
  });
});

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

describe('an OPD\'s page', () => {
  it('lists the OPD\'s items with status, deadline, assignee and evidence; a Telegram file is named, never linked', async () => {
    h = await startHarness({ dashboard: DASHBOARD, now: () => new Date('2026-10-20T02:00:00Z') });
    await addItems(h);
    const bappeda = await h.t.db.opd.findFirstOrThrow({ where: { code: 'bappeda' } });
    const item = await h.t.db.checklistItem.findFirstOrThrow({ where: { opdId: bappeda.id, status: 'diajukan' } });
    const person = await h.t.db.person.findFirstOrThrow({ where: { telegramId: BigInt(budi.id) } });
    await h.t.db.checklistItem.update({ where: { id: item.id }, data: { assigneeId: person.id, dueDate: '2026-10-01' } });
    // A file Telegram (the fake) knows, as evidence sent in chat would be: its id is what is stored.
    const uploaded = await h.bot.telegram.sendDocument(GROUP, { source: Buffer.from('%PDF-1.4 SK'), filename: 'SK Tim SPBE.pdf' });
    const fileId = uploaded.document.file_id;
    await h.t.db.evidence.createMany({ data: [
      { itemId: item.id, kind: 'document', telegramFileId: fileId, fileName: 'SK Tim SPBE.pdf', mimeType: 'application/pdf', addedById: person.id },
      { itemId: item.id, kind: 'link', url: 'https://jdih.example.go.id/sk-spbe', addedById: person.id },
    ] });
    const { status, body } = await getJson(h.running.port!, `/dasbor/api/opd/${bappeda.id}`, signedInitData(rina, h.api.token, h.deps.clock.now()));
    expect(status).toBe(200);
    const items = body.items as { id: number; status: string; statusLabel: string; assignee: string | null; due: { text: string } | null; overdue: boolean; evidence: { kind: string; name: string; link: string | null }[] }[];
    expect(items.length).toBe(await h.t.db.checklistItem.count({ where: { opdId: bappeda.id } }));
    const shown = items.find((i) => i.id === item.id)!;
    expect(shown).toMatchObject({ status: 'diajukan', statusLabel: 'Diajukan', due: { text: '1 Oktober 2026' }, overdue: true });
    expect(shown.assignee).toBe(person.displayName);
    expect(shown.evidence).toMatchObject([
      { kind: 'document', name: 'SK Tim SPBE.pdf', link: null, sendable: true },
      { kind: 'link', name: 'https://jdih.example.go.id/sk-spbe', link: 'https://jdih.example.go.id/sk-spbe', sendable: false },
    ]);
    expect(JSON.stringify(body)).not.toContain(fileId);

    // The file on request: sent by its Telegram id to the viewer's own private chat, and only there.
    const evidenceId = (shown.evidence[0] as unknown as { id: number }).id;
    const after = h.api.calls.length;
    const sent = await getJson(h.running.port!, `/dasbor/api/bukti/${evidenceId}/kirim`, signedInitData(sekda, h.api.token, h.deps.clock.now()), { method: 'POST' });
    expect(sent).toMatchObject({ status: 200, body: { message: expect.stringContaining('chat pribadi') } });
    const call = await h.next((c) => c.method === 'sendDocument', after);
    expect(Number(call.params.chat_id)).toBe(sekda.id);
    expect(call.params.document).toBe(fileId);
    const other = await h.t.db.opd.findFirstOrThrow({ where: { code: { not: 'bappeda' } } });
    const otherItem = await h.t.db.checklistItem.create({ data: { workspaceId: other.workspaceId, evaluationId: item.evaluationId!, opdId: other.id, title: 'Lain' } });
    const foreign = await h.t.db.evidence.create({ data: { itemId: otherItem.id, kind: 'document', telegramFileId: 'BQAC-other', fileName: 'x.pdf', addedById: person.id } });
    const refused = await getJson(h.running.port!, `/dasbor/api/bukti/${foreign.id}/kirim`, signedInitData(budi, h.api.token, h.deps.clock.now()), { method: 'POST' });
    expect(refused.status).toBe(404);
    expect(h.api.calls.slice(after).filter((c) => c.method === 'sendDocument')).toHaveLength(1);
  });

  it('opens a PIC\'s own OPD only, and nothing of another workspace', async () => {
    h = await startHarness({ dashboard: DASHBOARD });
    await addItems(h);
    const port = h.running.port!;
    const bappeda = await h.t.db.opd.findFirstOrThrow({ where: { code: 'bappeda' } });
    const other = await h.t.db.opd.findFirstOrThrow({ where: { code: { not: 'bappeda' } } });
    expect((await getJson(port, `/dasbor/api/opd/${bappeda.id}`, signedInitData(budi, h.api.token))).status).toBe(200);
    const refused = await getJson(port, `/dasbor/api/opd/${other.id}`, signedInitData(budi, h.api.token));
    expect(refused.status).toBe(404);
    expect(refused.body).not.toHaveProperty('items');
    const leader = await getJson(port, `/dasbor/api/opd/${other.id}`, signedInitData(sekda, h.api.token));
    expect(leader.status).toBe(200);
    // A pimpinan reads everything and is offered no move.
    expect((leader.body.items as unknown[]).length).toBeGreaterThan(0);
    expect((leader.body.items as { actions: unknown[] }[]).every((i) => i.actions.length === 0)).toBe(true);
    const { paserOpd } = await createPaser();
    // Rina (koordinator of the demo) asks for an OPD id of Paser: not found.
    expect((await getJson(port, `/dasbor/api/opd/${paserOpd.id}`, signedInitData(rina, h.api.token))).status).toBe(404);
    expect((await getJson(port, '/dasbor/api/opd/abc', signedInitData(rina, h.api.token))).status).toBe(404);
  });
});

describe('an indicator\'s page', () => {
  it('shows the values per stage /skor shows, the owners and the items behind it; an unknown number is not found', async () => {
    h = await startHarness({ dashboard: DASHBOARD });
    const bappeda = await h.t.db.opd.findFirstOrThrow({ where: { code: 'bappeda' } });
    const evaluation = await h.t.db.evaluation.findFirstOrThrow({ where: { workspaceId: bappeda.workspaceId }, orderBy: { year: 'desc' } });
    const indicator = await h.t.db.indicator.findFirstOrThrow({ where: { no: 42, frameworkId: evaluation.frameworkId } });
    await h.t.db.indicatorOwner.create({ data: { workspaceId: bappeda.workspaceId, indicatorId: indicator.id, opdId: bappeda.id } });
    await h.t.db.checklistItem.create({ data: { workspaceId: bappeda.workspaceId, evaluationId: evaluation.id, opdId: bappeda.id, indicatorId: indicator.id, level: 4, title: 'Dokumen arsitektur', status: 'selesai' } });
    const { status, body } = await getJson(h.running.port!, '/dasbor/api/indikator/42', signedInitData(budi, h.api.token));
    expect(status).toBe(200);
    const page = body as unknown as { name: string; stages: { label: string; value: string | null }[]; owners: string[]; items: { title: string; level: number }[]; evidence: { level: number } | null };
    const skor = textOf(await h.say(rina, GROUP, '/skor 42'));
    expect(skor).toContain(page.name);
    for (const stage of page.stages.filter((x) => x.value !== null)) expect(skor).toContain(stage.value!);
    expect(page.owners).toEqual(['Bappeda']);
    expect(page.items).toMatchObject([{ title: 'Dokumen arsitektur', level: 4 }]);
    expect(page.evidence?.level).toBe(4);
    expect((await getJson(h.running.port!, '/dasbor/api/indikator/48', signedInitData(budi, h.api.token))).status).toBe(404);
    expect((await getJson(h.running.port!, '/dasbor/api/indikator/42', signedInitData(tamu, h.api.token))).status).toBe(403);
  });
});

describe('the verification queue', () => {
  /** Two submitted items of Bappeda assigned to Budi (who has opened his private chat), the older first. */
  async function submitted(harness: Harness) {
    const bappeda = await harness.t.db.opd.findFirstOrThrow({ where: { code: 'bappeda' } });
    const evaluation = await harness.t.db.evaluation.findFirstOrThrow({ where: { workspaceId: bappeda.workspaceId }, orderBy: { year: 'desc' } });
    const person = await harness.t.db.person.update({ where: { telegramId: BigInt(budi.id) }, data: { privateChatAt: new Date() } });
    const make = (title: string, at: string) => harness.t.db.checklistItem.create({ data: {
      workspaceId: bappeda.workspaceId, evaluationId: evaluation.id, opdId: bappeda.id, title, status: 'diajukan', statusAt: new Date(at), assigneeId: person.id,
      evidence: { create: [{ kind: 'link', url: 'https://jdih.example.go.id/perbup-spbe', addedById: person.id }] },
    } });
    const newer = await make('Perbup SPBE', '2026-10-02T03:00:00Z');
    const older = await make('SK Tim Pemdi', '2026-10-01T03:00:00Z');
    return { older, newer, workspaceId: bappeda.workspaceId };
  }
  const post = (port: number, path: string, initData: string, body: unknown = {}) =>
    getJson(port, path, initData, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

  it('lists submitted items oldest first; accepting and sending back are audited and told to the assignee, as in chat', async () => {
    h = await startHarness({ dashboard: DASHBOARD });
    const { older, newer, workspaceId } = await submitted(h);
    const port = h.running.port!;
    const queue = await getJson(port, '/dasbor/api/verifikasi', signedInitData(rina, h.api.token));
    expect(queue.status).toBe(200);
    const items = queue.body.items as { id: number; title: string; opd: string; assignee: string; evidence: { link: string }[] }[];
    expect(items.map((i) => i.id)).toEqual([older.id, newer.id]);
    expect(items[0]).toMatchObject({ opd: 'Bappeda', evidence: [{ link: 'https://jdih.example.go.id/perbup-spbe' }] });

    const after = h.api.calls.length;
    const accepted = await post(port, `/dasbor/api/butir/${older.id}/setujui`, signedInitData(rina, h.api.token));
    expect(accepted).toMatchObject({ status: 200, body: { status: 'selesai', statusLabel: 'Selesai', told: true } });
    const told = await h.next((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === budi.id, after);
    expect(textOf(told)).toContain(`#${older.id} SK Tim Pemdi</b> sudah diverifikasi`);

    const noReason = await post(port, `/dasbor/api/butir/${newer.id}/kembalikan`, signedInitData(rina, h.api.token), { alasan: '  ' });
    expect(noReason.status).toBe(403);
    expect((await h.t.db.checklistItem.findUniqueOrThrow({ where: { id: newer.id } })).status).toBe('diajukan');
    const after2 = h.api.calls.length;
    const sentBack = await post(port, `/dasbor/api/butir/${newer.id}/kembalikan`, signedInitData(rina, h.api.token), { alasan: 'Lampirkan SK yang ditandatangani <b>' });
    expect(sentBack).toMatchObject({ status: 200, body: { status: 'revisi' } });
    const revision = await h.next((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === budi.id, after2);
    expect(textOf(revision)).toContain('dikembalikan: Lampirkan SK yang ditandatangani &lt;b&gt;');
    const rows = await h.t.db.checklistItem.findMany({ where: { id: { in: [older.id, newer.id] } }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.status, r.revisionReason])).toEqual([['revisi', 'Lampirkan SK yang ditandatangani <b>'], ['selesai', null]]);
    const audit = await h.t.db.auditEntry.findMany({ where: { workspaceId, action: 'item.status', entityId: { in: [String(older.id), String(newer.id)] } } });
    expect(audit).toHaveLength(2);
    // Replayed: the same request again changes nothing (the item is no longer submitted).
    const replay = await post(port, `/dasbor/api/butir/${older.id}/setujui`, signedInitData(rina, h.api.token));
    expect(replay.status).toBe(403);
    expect(await h.t.db.auditEntry.count({ where: { workspaceId, action: 'item.status', entityId: String(older.id) } })).toBe(1);
    expect((await getJson(port, '/dasbor/api/verifikasi', signedInitData(rina, h.api.token))).body.items).toEqual([]);
  });

  it('a pimpinan reads but cannot act, a PIC cannot accept their own work, a forged request changes nothing', async () => {
    h = await startHarness({ dashboard: DASHBOARD });
    const { older } = await submitted(h);
    const port = h.running.port!;
    const before = await h.t.db.auditEntry.count();
    expect((await getJson(port, '/dasbor/api/verifikasi', signedInitData(sekda, h.api.token))).status).toBe(403);
    const leader = await post(port, `/dasbor/api/butir/${older.id}/setujui`, signedInitData(sekda, h.api.token));
    expect(leader.status).toBe(403);
    const own = await post(port, `/dasbor/api/butir/${older.id}/setujui`, signedInitData(budi, h.api.token));
    expect(own.status).toBe(403);
    const forged = await post(port, `/dasbor/api/butir/${older.id}/setujui`, signedInitData(rina, '999:another-bot-token'));
    expect(forged.status).toBe(401);
    expect((await post(port, `/dasbor/api/butir/${older.id}/hapus`, signedInitData(rina, h.api.token))).status).toBe(400);
    const huge = await post(port, `/dasbor/api/butir/${older.id}/kembalikan`, signedInitData(rina, h.api.token), { alasan: 'x'.repeat(20_000) });
    expect(huge.status).toBe(400);
    expect((await h.t.db.checklistItem.findUniqueOrThrow({ where: { id: older.id } })).status).toBe('diajukan');
    expect(await h.t.db.auditEntry.count()).toBe(before);
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

describe('a link as evidence from the dashboard', () => {
  const post = (port: number, path: string, initData: string, body: unknown = {}) =>
    getJson(port, path, initData, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  /** An open item of Bappeda with no evidence yet, assigned to Budi (its PIC). */
  async function openItem(harness: Harness) {
    const bappeda = await harness.t.db.opd.findFirstOrThrow({ where: { code: 'bappeda' } });
    const evaluation = await harness.t.db.evaluation.findFirstOrThrow({ where: { workspaceId: bappeda.workspaceId }, orderBy: { year: 'desc' } });
    const person = await harness.t.db.person.findFirstOrThrow({ where: { telegramId: BigInt(budi.id) } });
    const item = await harness.t.db.checklistItem.create({ data: {
      workspaceId: bappeda.workspaceId, evaluationId: evaluation.id, opdId: bappeda.id, title: 'Perbup SPBE', status: 'proses', assigneeId: person.id,
    } });
    return { item, person, bappeda };
  }
  const written = async (itemId: number) => ({
    evidence: await h.t.db.evidence.count({ where: { itemId } }),
    audit: await h.t.db.auditEntry.count({ where: { action: 'item.evidence', entityId: String(itemId) } }),
    status: (await h.t.db.checklistItem.findUniqueOrThrow({ where: { id: itemId } })).status,
  });

  it('is offered to the PIC, saved as in chat (the row, the audit entry) and submits an item\'s first evidence', async () => {
    h = await startHarness({ dashboard: DASHBOARD });
    const { item, person, bappeda } = await openItem(h);
    const port = h.running.port!;
    const page = async (who: typeof rina) => ((await getJson(port, `/dasbor/api/opd/${bappeda.id}`, signedInitData(who, h.api.token))).body.items as { id: number; canAddEvidence: boolean }[])
      .find((i) => i.id === item.id)!;
    expect((await page(budi)).canAddEvidence).toBe(true);
    expect((await page(sekda)).canAddEvidence).toBe(false);

    const saved = await post(port, `/dasbor/api/butir/${item.id}/bukti`, signedInitData(budi, h.api.token), { url: 'https://jdih.example.go.id/perbup-spbe-2026' });
    expect(saved).toMatchObject({ status: 200, body: { ok: true, id: item.id, status: 'diajukan', statusLabel: 'Diajukan' } });
    const rows = await h.t.db.evidence.findMany({ where: { itemId: item.id } });
    expect(rows).toMatchObject([{ kind: 'link', url: 'https://jdih.example.go.id/perbup-spbe-2026', fileName: 'https://jdih.example.go.id/perbup-spbe-2026', addedById: person.id, telegramFileId: null }]);
    const audit = await h.t.db.auditEntry.findMany({ where: { action: 'item.evidence', entityId: String(item.id) } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ via: 'bot', actorId: person.id, workspaceId: bappeda.workspaceId });
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ kind: 'link', url: 'https://jdih.example.go.id/perbup-spbe-2026', dari: 'proses', ke: 'diajukan' });
    // The second link is kept beside the first; the item stays submitted.
    const again = await post(port, `/dasbor/api/butir/${item.id}/bukti`, signedInitData(budi, h.api.token), { url: 'https://jdih.example.go.id/lampiran' });
    expect(again).toMatchObject({ status: 200, body: { status: 'diajukan' } });
    expect(await written(item.id)).toEqual({ evidence: 2, audit: 2, status: 'diajukan' });
  });

  it('refuses a bad link, a pimpinan, another workspace and a forged sign-in, writing nothing', async () => {
    h = await startHarness({ dashboard: DASHBOARD });
    const { item } = await openItem(h);
    const port = h.running.port!;
    const { workspace, paserOpd } = await createPaser();
    const paserEvaluation = await h.t.db.evaluation.findFirstOrThrow({ where: { workspaceId: workspace.id } });
    const paserItem = await h.t.db.checklistItem.create({ data: { workspaceId: workspace.id, evaluationId: paserEvaluation.id, opdId: paserOpd.id, title: 'Lain', status: 'proses' } });
    const before = { demo: await written(item.id), paser: await written(paserItem.id), audit: await h.t.db.auditEntry.count() };
    const url = 'https://jdih.example.go.id/perbup-spbe';

    for (const bad of [{ url: 'jdih.example.go.id/perbup' }, { url: 'ftp://example.go.id/x' }, { url: '' }, {}, { url: 42 }]) {
      const answer = await post(port, `/dasbor/api/butir/${item.id}/bukti`, signedInitData(budi, h.api.token), bad);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toContain('Tautan bukti tidak dikenali');
    }
    expect((await post(port, `/dasbor/api/butir/${item.id}/bukti`, signedInitData(sekda, h.api.token), { url })).status).toBe(403);
    expect((await post(port, `/dasbor/api/butir/${item.id}/bukti`, signedInitData(budi, '999:another-bot-token'), { url })).status).toBe(401);
    // Another workspace's item is not found from this one, in either direction.
    expect((await post(port, `/dasbor/api/butir/${item.id}/bukti`, signedInitData(tamu, h.api.token), { url })).status).toBe(409);
    expect((await post(port, `/dasbor/api/butir/${paserItem.id}/bukti`, signedInitData(rina, h.api.token), { url })).status).toBe(409);
    expect((await post(port, `/dasbor/api/butir/${paserItem.id}/bukti`, signedInitData(budi, h.api.token), { url })).status).toBe(409);
    expect({ demo: await written(item.id), paser: await written(paserItem.id), audit: await h.t.db.auditEntry.count() }).toEqual(before);
  });
});
