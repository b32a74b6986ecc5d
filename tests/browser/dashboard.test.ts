// The dashboard in a real browser: Debian's Chromium driven by playwright-core, a phone's 360 ×
// 740 screen, the page served by the bot's own server and signed in with initData as Telegram
// passes it (in the address's fragment). What a person sees must be what the chat says.
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardSummary } from '../../src/app/dashboard.ts';
import type { Harness, Person } from '../support/bot-harness.ts';
import { budi, GROUP, rina, sekda, startHarness, textOf } from '../support/bot-harness.ts';
import { addItems, getJson, signedInitData } from '../support/dashboard.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// `.ci/run` installs Debian's chromium and sets REQUIRE_BROWSER=1: there a missing browser fails.
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but no Chromium at ${CHROMIUM} (apt-get install chromium)`);

/** Telegram's own theme colours (its default light and night themes) as a client passes them. */
export const THEMES = {
  light: { bg_color: '#ffffff', secondary_bg_color: '#efeff4', text_color: '#000000', hint_color: '#8e8e93', link_color: '#007aff',
    button_color: '#007aff', button_text_color: '#ffffff', section_bg_color: '#ffffff', accent_text_color: '#007aff', destructive_text_color: '#ff3b30' },
  dark: { bg_color: '#17212b', secondary_bg_color: '#0e1621', text_color: '#f5f5f5', hint_color: '#708499', link_color: '#6ab3f3',
    button_color: '#5288c1', button_text_color: '#ffffff', section_bg_color: '#17212b', accent_text_color: '#6ab2f2', destructive_text_color: '#ec3942' },
};
export const SCREENSHOTS = join(tmpdir(), 'spbe-dasbor');

let h: Harness;
let browser: Browser;

beforeAll(async () => {
  if (!haveBrowser) return;
  h = await startHarness({ dashboard: { url: 'https://bot.example.go.id/dasbor', appLink: null } });
  await addItems(h);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

async function open(person: Person, theme: keyof typeof THEMES = 'light', initData?: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, colorScheme: theme });
  const signed = initData ?? signedInitData(person, h.api.token);
  const fragment = new URLSearchParams({ tgWebAppData: signed, tgWebAppThemeParams: JSON.stringify(THEMES[theme]), tgWebAppVersion: '8.0' });
  await page.goto(`http://127.0.0.1:${h.running.port}/dasbor#${fragment}`);
  return page;
}

const summaryOf = async (person: Person) =>
  (await getJson(h.running.port!, '/dasbor/api/ringkasan', signedInitData(person, h.api.token))).body as unknown as DashboardSummary;

describe.skipIf(!haveBrowser)('the dashboard in Chromium at 360 × 740', () => {
  it('shows the index and the OPD figures /indeks and /progres give, with no horizontal scrolling', async () => {
    const page = await open(rina);
    await page.locator('#index-value').waitFor();
    const indeks = textOf(await h.say(rina, GROUP, '/indeks'));
    const [, value, predicate] = /Indeks: <b>([\d,]+)<\/b> \(([^)]+)\)/.exec(indeks)!;
    expect(await page.locator('#index-value').textContent()).toBe(value);
    expect(await page.locator('#index-predicate').textContent()).toBe(predicate);
    const progres = textOf(await h.say(rina, GROUP, '/progres'));
    for (const [, name, done, total] of progres.matchAll(/<\/code> (.+) \((\d+)\/(\d+)\)/g)) {
      const card = page.locator('article.opd', { has: page.locator('h3', { hasText: new RegExp(`^${name}$`) }) });
      expect(await card.locator('.done').textContent()).toBe(`${done}/${total} selesai`);
    }
    expect(await page.locator('article.opd').count()).toBe((await summaryOf(rina)).opds.length);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    // Touch targets: the filter chips and the sort are at least 44 px high.
    for (const box of await page.locator('.chip, #sort').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) expect(box).toBeGreaterThanOrEqual(44);
    await page.screenshot({ path: join(mkdir(), 'dasbor-360-light.png') });
    await page.close();
  });

  it('filters to the overdue OPDs and sorts by name', async () => {
    const page = await open(rina);
    await page.locator('#index-value').waitFor();
    const summary = await summaryOf(rina);
    const late = summary.opds.filter((o) => o.terlambat > 0);
    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBeLessThan(summary.opds.length);
    await page.getByRole('button', { name: 'Terlambat saja' }).click();
    expect(await page.locator('article.opd').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(late.map((o) => o.code));
    await expect.poll(() => page.locator('#opd-count').textContent()).toBe(`${late.length} dari ${summary.opds.length} OPD`);
    await page.getByRole('button', { name: 'Semua' }).click();
    await page.locator('#sort').selectOption('nama');
    const byName = [...summary.opds].sort((a, b) => a.name.localeCompare(b.name, 'id')).map((o) => o.code);
    expect(await page.locator('article.opd').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(byName);
    // A koordinator with no OPD of their own gets no "OPD saya" filter.
    expect(await page.getByRole('button', { name: 'OPD saya' }).count()).toBe(0);
    await page.close();
  });

  it('opens an OPD\'s items from its card, filters the late ones, and goes back', async () => {
    const page = await open(rina);
    const summary = await summaryOf(rina);
    const late = summary.opds.find((o) => o.terlambat > 0)!;
    await page.getByRole('button', { name: late.name }).click();
    await page.locator('#opd-title').waitFor();
    expect(await page.locator('#opd-title').textContent()).toBe(late.name);
    const { body } = await getJson(h.running.port!, `/dasbor/api/opd/${late.id}`, signedInitData(rina, h.api.token));
    expect(await page.locator('article.item').count()).toBe((body.items as unknown[]).length);
    await page.getByRole('button', { name: 'Terlambat' }).click();
    expect(await page.locator('article.item').count()).toBe(late.terlambat);
    expect(await page.locator('article.item').first().textContent()).toContain('terlambat');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(mkdir(), 'dasbor-360-opd.png') });
    await page.getByRole('button', { name: '‹ Kembali' }).click();
    await page.locator('#index-value').waitFor();
    await page.close();
  });

  it('opens an indicator from the index card', async () => {
    const page = await open(sekda);
    await page.getByRole('button', { name: 'Indikator 42', exact: true }).click();
    await page.locator('#indicator-title').waitFor();
    const { body } = await getJson(h.running.port!, '/dasbor/api/indikator/42', signedInitData(sekda, h.api.token));
    expect(await page.locator('#indicator-title').textContent()).toBe(`42. ${String(body.name)}`);
    expect(await page.locator('#indicator-stages li').count()).toBe(5);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.close();
  });

  it('shows a PIC their own OPD, with the "OPD saya" filter', async () => {
    const page = await open(budi, 'dark');
    await page.locator('article.opd').first().waitFor();
    expect(await page.locator('article.opd').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(['bappeda']);
    expect(await page.getByRole('button', { name: 'OPD saya' }).count()).toBe(1);
    // The three filter chips fit one line at 360 px, each still a 44 px touch target.
    const chips = await page.locator('[data-filter]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: r.top, height: r.height, right: r.right })));
    expect(chips).toHaveLength(3);
    expect(new Set(chips.map((c) => c.top)).size).toBe(1);
    for (const chip of chips) expect(chip.height).toBeGreaterThanOrEqual(44);
    expect(Math.max(...chips.map((c) => c.right))).toBeLessThanOrEqual(360);
    // The PIC moves their own OPD's item as in chat: the buttons are the chat's, the rule the server's.
    const bappeda = await h.t.db.opd.findFirstOrThrow({ where: { code: 'bappeda' } });
    const evaluation = await h.t.db.evaluation.findFirstOrThrow({ where: { workspaceId: bappeda.workspaceId }, orderBy: { year: 'desc' } });
    await h.t.db.checklistItem.create({ data: { workspaceId: bappeda.workspaceId, evaluationId: evaluation.id, opdId: bappeda.id, title: 'Susun draf Perbup SPBE' } });
    await page.getByRole('button', { name: 'Bappeda' }).click();
    const startable = page.locator('article.item', { has: page.getByRole('button', { name: 'Mulai kerjakan' }) }).first();
    await startable.waitFor();
    const id = Number(await startable.getAttribute('data-id'));
    const card = page.locator(`article.item[data-id="${id}"]`);
    await card.getByRole('button', { name: 'Mulai kerjakan' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toBe(`Item #${id} sekarang: Proses.`);
    expect((await h.t.db.checklistItem.findUniqueOrThrow({ where: { id } })).status).toBe('proses');
    expect(await page.locator('button', { hasText: 'Setujui' }).count()).toBe(0);
    await page.close();
  });

  it('lets a PIC add a link as evidence to their item and shows it listed, the item now submitted', async () => {
    const bappeda = await h.t.db.opd.findFirstOrThrow({ where: { code: 'bappeda' } });
    const evaluation = await h.t.db.evaluation.findFirstOrThrow({ where: { workspaceId: bappeda.workspaceId }, orderBy: { year: 'desc' } });
    const person = await h.t.db.person.findFirstOrThrow({ where: { telegramId: BigInt(budi.id) } });
    const { id } = await h.t.db.checklistItem.create({ data: {
      workspaceId: bappeda.workspaceId, evaluationId: evaluation.id, opdId: bappeda.id, title: 'Unggah SK Tim SPBE', status: 'proses', assigneeId: person.id,
    } });
    const page = await open(budi);
    await page.getByRole('button', { name: 'Bappeda' }).click();
    const card = page.locator(`article.item[data-id="${id}"]`);
    await card.getByRole('button', { name: 'Tambah tautan bukti' }).click();
    // A bad address is refused with the server's message, and nothing is listed.
    await card.getByLabel('Tautan bukti (https://…)').fill('jdih.example.go.id/sk-tim');
    await card.getByRole('button', { name: 'Simpan tautan' }).click();
    await expect.poll(() => card.getByRole('status').textContent()).toMatch(/Tautan bukti tidak dikenali/);
    await card.getByLabel('Tautan bukti (https://…)').fill('https://jdih.example.go.id/sk-tim-spbe');
    await card.getByRole('button', { name: 'Simpan tautan' }).click();
    const link = page.locator(`article.item[data-id="${id}"] .evidence a`);
    await expect.poll(() => link.getAttribute('href')).toBe('https://jdih.example.go.id/sk-tim-spbe');
    expect(await page.locator(`article.item[data-id="${id}"]`).getAttribute('data-status')).toBe('diajukan');
    expect(await h.t.db.evidence.count({ where: { itemId: id, kind: 'link' } })).toBe(1);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    const shown = page.locator(`article.item[data-id="${id}"] .chip:visible, article.item[data-id="${id}"] input:visible`);
    for (const box of await shown.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) expect(box).toBeGreaterThanOrEqual(44);
    await page.close();
  });

  it('uses Telegram\'s dark theme colours when Telegram passes them', async () => {
    const page = await open(rina, 'dark');
    await page.locator('#index-value').waitFor();
    expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).toBe('rgb(14, 22, 33)');
    expect(await page.evaluate("getComputedStyle(document.querySelector('.card')).backgroundColor")).toBe('rgb(23, 33, 43)');
    await page.screenshot({ path: join(mkdir(), 'dasbor-360-dark.png') });
    await page.screenshot({ path: join(mkdir(), 'dasbor-360-dark-full.png'), fullPage: true });
    await page.close();
  });

  it('gives a pimpinan the figures but no verification queue and no action', async () => {
    const page = await open(sekda);
    await page.locator('#index-value').waitFor();
    expect(await page.getByRole('button', { name: 'Buka antrean verifikasi' }).count()).toBe(0);
    expect(await page.locator('button', { hasText: /Setujui|Kembalikan/ }).count()).toBe(0);
    await page.close();
  });

  it('lets a koordinator accept one submitted item and send back another with a reason', async () => {
    const page = await open(rina);
    await page.getByRole('button', { name: 'Buka antrean verifikasi' }).click();
    await page.locator('#queue-title').waitFor();
    const { body } = await getJson(h.running.port!, '/dasbor/api/verifikasi', signedInitData(rina, h.api.token));
    const queue = body.items as { id: number }[];
    expect(queue.length).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#queue-title').textContent()).toBe(`Menunggu verifikasi: ${queue.length} item`);
    const [first, second] = queue.map((i) => page.locator(`article.item[data-id="${i.id}"]`));
    await first!.getByRole('button', { name: 'Setujui' }).click();
    await expect.poll(() => first!.getByRole('status').textContent()).toBe(`Item #${queue[0]!.id} sekarang: Selesai.`);
    await second!.getByRole('button', { name: 'Kembalikan' }).click();
    await second!.getByRole('button', { name: 'Kirim pengembalian' }).click();
    await expect.poll(() => second!.getByRole('status').textContent()).toMatch(/alasan pengembalian/);
    await second!.getByLabel('Alasan dikembalikan').fill('Tanda tangan belum ada');
    await second!.getByRole('button', { name: 'Kirim pengembalian' }).click();
    await expect.poll(() => second!.getByRole('status').textContent()).toBe(`Item #${queue[1]!.id} sekarang: Revisi.`);
    const rows = await h.t.db.checklistItem.findMany({ where: { id: { in: [queue[0]!.id, queue[1]!.id] } }, orderBy: { id: 'asc' } });
    expect(Object.fromEntries(rows.map((r) => [r.id, [r.status, r.revisionReason]]))).toEqual({
      [queue[0]!.id]: ['selesai', null], [queue[1]!.id]: ['revisi', 'Tanda tangan belum ada'],
    });
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(mkdir(), 'dasbor-360-verifikasi.png') });
    await page.close();
  });

  it('shows nothing but an error for a forged or stale sign-in, or none at all', async () => {
    const forged = signedInitData(rina, h.api.token).replace('Rina', 'Rinaa');
    const stale = signedInitData(rina, h.api.token, new Date(Date.now() - 13 * 3600_000));
    for (const [initData, message] of [[forged, /tidak sah/], [stale, /kedaluwarsa/]] as const) {
      const page = await open(rina, 'light', initData);
      await expect.poll(() => page.locator('#status').textContent()).toMatch(message);
      expect(await page.locator('#index-value').count()).toBe(0);
      expect(await page.locator('article.opd').count()).toBe(0);
      await page.close();
    }
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`http://127.0.0.1:${h.running.port}/dasbor`);
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/Buka dasbor ini dari Telegram/);
    await page.close();
  });
});

function mkdir(): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return SCREENSHOTS;
}
