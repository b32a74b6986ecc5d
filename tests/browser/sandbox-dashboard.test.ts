// The address the sandbox's `:dasbor` prints, opened in a real browser (Debian's Chromium driven by
// playwright-core, as tests/browser/dashboard.test.ts): the sandbox started as `npm start` without a
// token starts it (tests/support/sandbox-session.ts), the page signs in as the chosen person with
// nothing but that address, and shows the demo's index as the chat's /indeks gives it.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotDeps } from '../../src/bot/context.ts';
import { renderDomainChart, renderStageChart } from '../../src/charts/index-charts.ts';
import type { TestDb } from '../support/db.ts';
import { createTestDb } from '../support/db.ts';
import type { SandboxSession } from '../support/sandbox-session.ts';
import { outputContaining, startSandboxSession } from '../support/sandbox-session.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but no Chromium at ${CHROMIUM} (apt-get install chromium)`);

let t: TestDb;
let s: SandboxSession;
let browser: Browser;

beforeAll(async () => {
  if (!haveBrowser) return;
  t = createTestDb();
  const deps: BotDeps = {
    db: t.db, clock: { now: () => new Date() }, logger: { info() {}, warn() {}, error() {} },
    charts: { domains: renderDomainChart, stages: renderStageChart },
  };
  s = await startSandboxSession(deps);
  await outputContaining(s.output, 0, ':keluar');
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
  t?.close();
});

/** The address in what `:dasbor` printed. */
const addressIn = (printed: string) => /http:\/\/127\.0\.0\.1:\d+\/dasbor#\S+/.exec(printed)![0];
/** The sandbox prints the bot's HTML for a terminal: its colours and marks left out. */
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex

describe.skipIf(!haveBrowser)('the sandbox\'s dashboard address in Chromium', () => {
  it('opens the demo\'s dashboard as the chosen person, with the index /indeks gives', async () => {
    const indeks = plain(await s.type('/indeks', 'Indeks:'));
    const [, value, predicate] = /Indeks: ([\d,]+) \(([^)]+)\)/.exec(indeks) ?? [];
    expect(value).toBeDefined();
    const printed = await s.type(':dasbor', '/dasbor#');
    expect(printed).toContain('Dasbor sebagai Rina (koordinator)');
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(addressIn(printed));
    await page.locator('#index-value').waitFor();
    expect(await page.locator('#index-value').textContent()).toBe(value);
    expect(await page.locator('#index-predicate').textContent()).toBe(predicate);
    expect(await page.locator('#title').textContent()).toBe('Pemkab Paser (demo)');
    expect(await page.locator('#subtitle').textContent()).toContain('Rina');
    expect(await page.locator('article.opd').count()).toBeGreaterThan(1);
    await page.close();

    // Another person chosen, another sign-in: Budi (PIC) sees the same index and only his OPD.
    await s.type(':sebagai 2', 'Budi');
    const asBudi = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await asBudi.goto(addressIn(await s.type(':dasbor', '/dasbor#')));
    await asBudi.locator('#index-value').waitFor();
    expect(await asBudi.locator('#index-value').textContent()).toBe(value);
    expect(await asBudi.locator('#subtitle').textContent()).toContain('Budi');
    expect(await asBudi.locator('article.opd').count()).toBe(1);
    await asBudi.close();
  });
});
