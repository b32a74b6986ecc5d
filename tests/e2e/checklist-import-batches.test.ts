// A large checklist import through the bot: refused above 50 000 rows, applied in batches with
// its progress edited into the dry-run message, every row or none when a write fails midway, and
// never into another workspace than the one its dry run was made for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileTexts, texts } from '../../src/bot/texts.ts';
import { importTexts } from '../../src/bot/texts-imports.ts';
import { CLI_ACTOR } from '../../src/db/audit.ts';
import { findFrameworkIdByCode } from '../../src/db/frameworks.ts';
import { createOpd } from '../../src/db/opds.ts';
import { grantRole } from '../../src/db/people.ts';
import { createWorkspace } from '../../src/db/workspaces.ts';
import { CHECKLIST_IMPORT_MAX_ROWS } from '../../src/domain/checklist-import.ts';
import type { FakeCall } from '../../src/sandbox/fake-bot-api.ts';
import type { Harness } from '../support/bot-harness.ts';
import { messageIdOf, rina, startHarness, textOf } from '../support/bot-harness.ts';
import { TEST_PROVIDER } from '../support/db.ts';

let h: Harness;
let demoId = 0;
beforeAll(async () => {
  h = await startHarness({ now: () => new Date('2024-09-20T01:00:00Z') });
  demoId = (await h.t.db.workspace.findUniqueOrThrow({ where: { slug: 'demo-kaltim' } })).id;
});
afterAll(() => h.stop());

/** "opd;judul;tenggat;penanggung_jawab" rows for Bappeda; Budi (900002, of the demo workspace) on every third if `budi`. */
function csv(rows: number, title = (i: number) => `Butir impor ${i}`, budi = true): Buffer {
  const lines = ['opd;judul;tenggat;penanggung_jawab'];
  for (let i = 1; i <= rows; i++) lines.push(`bappeda;${title(i)};${10 + (i % 20)}-10-2024;${budi && i % 3 === 0 ? '900002' : ''}`);
  return Buffer.from(lines.join('\n'));
}

async function sendFile(fileName: string, data: Buffer, chat = rina.id) {
  const after = h.api.calls.length;
  h.api.pushDocument({ chatId: chat, from: rina, fileName, mimeType: 'text/csv', data });
  return h.next((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === chat, after);
}

const counts = async () => ({
  items: await h.t.db.checklistItem.count(),
  imports: await h.t.db.auditEntry.count({ where: { action: 'checklist.import' } }),
  staged: await h.t.db.checklistImportRow.count() + await h.t.db.checklistImport.count(),
});

/** Presses ✅ Terapkan under a dry run; resolves with the bot's next message and the edits of the dry-run message. */
async function apply(dry: FakeCall, chat = rina.id) {
  const after = h.api.calls.length;
  await h.press(rina, chat, messageIdOf(dry), 'imp:ok');
  const answer = await h.next((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === chat, after);
  // The last edit of the progress message comes before that message.
  const edits = h.api.calls.slice(after).filter((c) => c.method === 'editMessageText' && Number(c.params.message_id) === messageIdOf(dry));
  return { answer, edits: edits.map(textOf) };
}

describe('size cap', () => {
  it(`a file of ${CHECKLIST_IMPORT_MAX_ROWS + 1} rows is refused with the cap named, and nothing is written`, async () => {
    const before = await counts();
    const refused = textOf(await sendFile('besar.csv', csv(CHECKLIST_IMPORT_MAX_ROWS + 1)));
    expect(refused).toContain('Impor ceklis ditolak, tidak ada yang disimpan');
    expect(refused).toContain('Berkas berisi 50 001 baris ceklis; satu impor paling banyak 50 000 baris.');
    expect(await counts()).toEqual(before);
    expect(await h.t.db.flowState.count()).toBe(0);
  });
});

describe('a large import', () => {
  it('is applied in batches, its progress edited into one message, every row written', async () => {
    const before = await counts();
    const dry = await sendFile('ceklis-3000.csv', csv(3_000));
    expect(textOf(dry)).toBe(fileTexts.dryRun('ceklis-3000.csv', 3_000, 0, 0));
    const { answer, edits } = await apply(dry);
    expect(textOf(answer)).toBe(fileTexts.applied(3_000, 0));
    expect(edits[0]).toBe(importTexts.checking);
    expect(edits.at(-1)).toBe(importTexts.progress(3_000, 3_000));
    const midway = edits.filter((e) => /^Mengimpor… [\d ]+ \/ 3 000$/.test(e) && e !== importTexts.progress(3_000, 3_000));
    expect(midway.length).toBeGreaterThan(0);
    expect(edits.at(-1)).toBe('Mengimpor… 3 000 / 3 000');

    expect(await counts()).toEqual({ items: before.items + 3_000, imports: before.imports + 1, staged: 0 });
    const budi = await h.t.db.person.findUniqueOrThrow({ where: { telegramId: 900_002n } });
    const rows = await h.t.db.checklistItem.findMany({ where: { title: { startsWith: 'Butir impor ' } }, include: { opd: true }, orderBy: { id: 'asc' } });
    expect(rows).toHaveLength(3_000);
    expect(rows.map((r) => r.title)).toEqual(Array.from({ length: 3_000 }, (_, i) => `Butir impor ${i + 1}`));
    expect(rows[2]).toMatchObject({ workspaceId: demoId, dueDate: '2024-10-13', assigneeId: budi.id, status: 'belum', createdById: expect.any(Number) });
    expect(rows[2]!.opd.code).toBe('bappeda');
    expect(rows[2]!.statusAt).toEqual(new Date('2024-09-20T01:00:00Z'));
    const audit = await h.t.db.auditEntry.findFirstOrThrow({ where: { action: 'checklist.import' }, orderBy: { id: 'desc' } });
    expect((JSON.parse(audit.detail) as { dibuat: number[] }).dibuat).toEqual(rows.map((r) => r.id));
  });

  /** A trigger that makes the database refuse one row, as a full disk would: SQLite's or PostgreSQL's dialect. */
  async function failingInsert(name: string, table: string, when: string, message: string) {
    if (TEST_PROVIDER === 'sqlite') {
      await h.t.db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "${table}" WHEN ${when} BEGIN SELECT RAISE(ABORT, '${message}'); END`);
      return;
    }
    await h.t.db.$executeRawUnsafe(`CREATE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN IF ${when} THEN RAISE EXCEPTION '${message}'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await h.t.db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION ${name}()`);
  }

  async function dropTrigger(name: string, table: string) {
    if (TEST_PROVIDER === 'sqlite') return void (await h.t.db.$executeRawUnsafe(`DROP TRIGGER ${name}`));
    await h.t.db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "${table}"`);
    await h.t.db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
  }

  it('a write failing midway through staging leaves nothing written, and says so', async () => {
    await failingInsert('fail_staging', 'ChecklistImportRow', 'NEW."rowNo" = 2500', 'disk I/O error (simulated)');
    try {
      const before = await counts();
      const dry = await sendFile('gagal.csv', csv(3_000, (i) => `Gagal di tengah ${i}`));
      const { answer, edits } = await apply(dry);
      expect(textOf(answer)).toMatch(/^Impor ceklis gagal; tidak ada yang disimpan\. Kode rujukan: <code>[0-9A-F]{6}<\/code>/);
      expect(edits.some((e) => /^Mengimpor… [\d ]+ \/ 3 000$/.test(e))).toBe(true);
      expect(edits.at(-1)).toBe(importTexts.stopped);
      expect(await counts()).toEqual(before);
      expect(await h.t.db.checklistItem.count({ where: { title: { startsWith: 'Gagal di tengah' } } })).toBe(0);
    } finally {
      await dropTrigger('fail_staging', 'ChecklistImportRow');
    }
  });

  it('a write failing inside the final statement (row 2 999 of 3 000) leaves nothing written either', async () => {
    await failingInsert('fail_items', 'ChecklistItem', `NEW."title" = 'Gagal di akhir 2999'`, 'disk full (simulated)');
    try {
      const before = await counts();
      const dry = await sendFile('gagal-akhir.csv', csv(3_000, (i) => `Gagal di akhir ${i}`));
      const { answer, edits } = await apply(dry);
      expect(textOf(answer)).toMatch(/^Impor ceklis gagal; tidak ada yang disimpan\./);
      expect(edits.at(-1)).toBe(importTexts.stopped);
      expect(await counts()).toEqual(before);
      expect(await h.t.db.checklistItem.count({ where: { title: { startsWith: 'Gagal di akhir' } } })).toBe(0);
    } finally {
      await dropTrigger('fail_items', 'ChecklistItem');
    }
  });
});

describe('the workspace of a dry run', () => {
  let other = { id: 0, name: '' };
  beforeAll(async () => {
    // Rina coordinates a second workspace, which has a Bappeda too: the same file is valid in both.
    const frameworkId = (await findFrameworkIdByCode(h.t.db, 'spbe-2020'))!;
    const { workspace } = await createWorkspace(h.t.db, {
      slug: 'kab-paser', name: 'Pemkab Paser', timeZone: 'Asia/Makassar', targetUnits: null, frameworkId, year: 2024, admin: null,
    }, CLI_ACTOR);
    other = workspace;
    await createOpd(h.t.db, workspace.id, 'bappeda', 'Bappeda Paser', CLI_ACTOR);
    const person = await h.t.db.person.findUniqueOrThrow({ where: { telegramId: BigInt(rina.id) } });
    await grantRole(h.t.db, workspace.id, person.id, 'koordinator', null);
  });

  /** The workspace chooser's button, pressed (or forged) under the bot's last message here. */
  async function choose(workspaceId: number) {
    const after = h.api.calls.length;
    h.api.pushCallback({ chatId: rina.id, from: rina, messageId: h.api.messagesTo(rina.id).at(-1)!.message_id, data: `ws:${workspaceId}` });
    await h.next((c) => c.method === 'sendMessage' && textOf(c).startsWith('Workspace aktif'), after);
  }
  const itemsIn = (workspaceId: number) => h.t.db.checklistItem.count({ where: { workspaceId } });

  it('made in one workspace and applied after a (forged) ws: switch to another: refused, nothing written, the plan kept', async () => {
    await choose(other.id);
    const dry = await sendFile('paser.csv', csv(5, (i) => `Butir Paser ${i}`, false));
    expect(textOf(dry)).toBe(fileTexts.dryRun('paser.csv', 5, 0, 0));
    await choose(demoId);
    const before = { demo: await itemsIn(demoId), other: await itemsIn(other.id), audits: (await counts()).imports };
    const { answer } = await apply(dry);
    expect(textOf(answer)).toBe(importTexts.otherWorkspace('Pemkab Paser', 'Pemprov Kaltim (demo)'));
    expect({ demo: await itemsIn(demoId), other: await itemsIn(other.id), audits: (await counts()).imports }).toEqual(before);
    expect(await h.t.db.flowState.count({ where: { kind: 'impor' } })).toBe(1);

    // Back in the workspace it was made for, the same button applies it there.
    await choose(other.id);
    expect(textOf((await apply(dry)).answer)).toBe(fileTexts.applied(5, 0));
    expect({ demo: await itemsIn(demoId), other: await itemsIn(other.id) }).toEqual({ demo: before.demo, other: before.other + 5 });
  });

  it('a second press while an import runs is told to wait, and the first one alone writes', async () => {
    await choose(other.id);
    const dry = await sendFile('dua-kali.csv', csv(2_000, (i) => `Dua kali ${i}`, false));
    const before = await itemsIn(other.id);
    const after = h.api.calls.length;
    h.api.pushCallback({ chatId: rina.id, from: rina, messageId: messageIdOf(dry), data: 'imp:ok' });
    h.api.pushCallback({ chatId: rina.id, from: rina, messageId: messageIdOf(dry), data: 'imp:ok' });
    const done = await h.next((c) => c.method === 'sendMessage' && textOf(c) === fileTexts.applied(2_000, 0), after);
    // Depending on which press is handled first: "wait, one is running", or the plan already taken.
    const answers = h.api.calls.slice(after, h.api.calls.indexOf(done)).filter((c) => c.method === 'answerCallbackQuery');
    expect(answers.map((c) => String(c.params.text ?? '')).filter((text) => text === importTexts.busy || text === texts.staleButton)).toHaveLength(1);
    expect(await itemsIn(other.id)).toBe(before + 2_000);
    expect(await h.t.db.auditEntry.count({ where: { action: 'checklist.import', workspaceId: other.id } })).toBe(2);
  });
});
