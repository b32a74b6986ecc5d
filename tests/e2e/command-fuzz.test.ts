// Every command of the registry, through the real bot over HTTP against the fake Bot API (as
// strict about HTML as Telegram), with deterministic pseudo-random arguments: words, numbers,
// decimals, dates, unicode, `<`, `&`, tags, up to ~5 000 characters, nothing. As a coordinator
// (with arguments a state-changing command must refuse) and as a stranger. Every input gets a
// message within a second, Telegram accepts every message, no apology (an unhandled error)
// goes out, and nothing is written: audit, scores, items, invites, stage dates, group links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arg, parseWith, words } from '../../src/bot/args.ts';
import { COMMANDS } from '../../src/bot/registry.ts';
import { texts } from '../../src/bot/texts.ts';
import type { EvaluationContext } from '../../src/db/evaluations.ts';
import { loadEvaluationContext } from '../../src/db/evaluations.ts';
import { parseExternalValue, parseIndicatorValue } from '../../src/domain/values.ts';
import type { FakeCall } from '../../src/sandbox/fake-bot-api.ts';
import type { Harness, Person } from '../support/bot-harness.ts';
import { GROUP, rina, startHarness, tamu, textOf } from '../support/bot-harness.ts';

const SEED = 20_240_920;
const PER_COMMAND = 8;
const ANSWER_MS = 1_000;

/** mulberry32: a small seeded PRNG, so a failure replays exactly. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const WORDS = ['dokumen', 'final', 'mandiri', 'interviu', 'lanjutan', 'pic', 'koordinator', 'admin', 'pimpinan', 'bappeda',
  'dinkes', 'sdi', 'catatan', 'SK', 'tim', 'x', '-', '—', '0', '012', 'NaN', 'Infinity', 'null', 'undefined', '__proto__', 'constructor'];
const UNICODE = ['😀', '👩‍💻', 'ñandú', 'مرحبا', 'שלום', '漢字', '\u200b', 'e\u0301', '\u202e', 'Ⅻ', '٣', '𝟘', '\ud83d', '\\', '"', "'", '`', '%s', '${x}'];
const MARKUP = ['<', '>', '&', '&amp;', '&lt;', '&#60;', '&#x3c;', '&bogus;', '<b>', '</b>', '<i>x</i>', '<b><i>x</b></i>', '<script>alert(1)</script>',
  '<a href="https://evil.example/login">portal</a>', '<tg-spoiler>', '<pre>', '<code>', '<br>', '<3', 'a<b', 'nilai < 3', '<<>>'];

function generator(random: () => number) {
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const tokens: (() => string)[] = [
    () => pick(WORDS),
    () => String(int(100)),
    () => String(int(2) ? -int(1_000) : int(10 ** int(20))),
    () => `${int(7)}${pick([',', '.'])}${int(1000)}`,
    () => `${int(32)}-${int(14)}-${pick(['2023', '2024', '2025', '1999', '99999'])}`,
    () => `${pick(['2024', '2025', '0000'])}-${String(int(13)).padStart(2, '0')}-${String(int(32)).padStart(2, '0')}`,
    () => `${int(25)}${pick(['.', ':'])}${String(int(70)).padStart(2, '0')}`,
    () => pick(UNICODE),
    () => pick(MARKUP),
    () => pick(MARKUP) + pick(WORDS) + pick(MARKUP),
    () => pick(['a', '&', '<', '9', '😀', 'kata ']).repeat(1 + int(2_500)),
    () => '',
    () => '\n',
  ];
  return (): string => {
    const count = int(5);
    const parts = Array.from({ length: count }, () => pick(tokens)());
    return parts.join(pick([' ', ' ', '  ', '\t'])).slice(0, 5_000);
  };
}

const STATE_CHANGING = new Set(['nilai', 'jadwal', 'undang', 'hubungkan', 'siapkan', 'laporan']);

/**
 * Whether the bot must refuse these arguments of a state-changing command (laporan changes
 * nothing but is slow and sends files; only its refusals are fuzzed). Conservative: anything
 * the parsers accept is left out, not guessed at.
 */
function refused(ev: EvaluationContext, opdCodes: Set<string>, command: string, payload: string): boolean {
  const w = words(payload);
  const fw = ev.framework.def;
  switch (command) {
    case 'nilai': {
      const no = parseWith(arg.indicatorNo(fw.indicators.length), w[0] ?? '');
      if (!no.ok || !w[1]) return true;
      const ext = fw.indicators.find((i) => i.no === no.value)?.externalIndex;
      if (fw.indicators.some((i) => i.externalIndex?.code.toLowerCase() === w[1]!.toLowerCase())) {
        return !ext || ext.code.toLowerCase() !== w[1]!.toLowerCase() || !parseExternalValue(ext, w[2] ?? '').ok;
      }
      return !parseIndicatorValue(fw, w[1]).ok;
    }
    case 'jadwal':
      return !parseWith(arg.stage, w[0] ?? '').ok || !parseWith(arg.date, w[1] ?? '').ok
        || (w[2] !== undefined && !parseWith(arg.time, w[2]).ok) || w.length > 3;
    case 'undang': return !parseWith(arg.role, w[0] ?? '').ok;
    case 'hubungkan': return w.length > 0 && !opdCodes.has(w[0]!.toLowerCase());
    case 'siapkan': return w.length > 0 && !(w[0]!.toLowerCase() === 'lanjutan' && w.length === 2 && /^\s*\d{4}\s*$/.test(w[1]!));
    case 'laporan': return w.length > 1 || (w.length === 1 && !parseWith(arg.year, w[0]!).ok);
    default: return true;
  }
}

let h: Harness;
let ev: EvaluationContext;
let opdCodes: Set<string>;

beforeAll(async () => {
  h = await startHarness({ now: () => new Date('2024-09-20T01:00:00Z'), rateLimit: { capacity: 100_000, refillPerMinute: 100_000 } });
  const ws = await h.t.db.workspace.findUniqueOrThrow({ where: { slug: 'demo-kaltim' } });
  ev = await loadEvaluationContext(h.t.db, ws.id);
  opdCodes = new Set((await h.t.db.opd.findMany({ where: { workspaceId: ws.id } })).map((o) => o.code));
});
afterAll(() => h.stop());

async function snapshot() {
  const { db } = h.t;
  const [audit, scores, items, invites, stages, chats, external] = await Promise.all([
    db.auditEntry.count(),
    db.score.findMany({ select: { id: true, value: true, note: true, stage: true }, orderBy: { id: 'asc' } }),
    db.checklistItem.findMany({ select: { id: true, status: true, title: true }, orderBy: { id: 'asc' } }),
    db.invite.count(),
    db.stage.findMany({ select: { id: true, dueDate: true, dueTime: true }, orderBy: { id: 'asc' } }),
    db.chat.findMany({ select: { id: true, workspaceId: true, opdId: true, inactiveAt: true }, orderBy: { id: 'asc' } }),
    db.externalValue.count(),
  ]);
  return JSON.stringify({ audit, scores, items, invites, stages, chats, external });
}

interface Outcome {
  input: string;
  answerMs: number | null;
  calls: FakeCall[];
}

const SENDS = ['sendMessage', 'sendPhoto', 'sendDocument', 'sendMediaGroup', 'editMessageText'];

/** Pushes the text and waits until the bot has handled it (its next poll confirms the update). */
async function send(from: Person, chat: number, text: string): Promise<Outcome> {
  const after = h.api.calls.length;
  const started = Date.now();
  const update = h.api.pushText({ chatId: chat, from, text });
  await h.next((c) => c.method === 'getUpdates' && Number(c.params.offset) > update.update_id, after);
  const calls = h.api.calls.slice(after).filter((c) => SENDS.includes(c.method) && !c.fault);
  const first = calls.find((c) => Number(c.params.chat_id) === chat);
  return { input: text, answerMs: first ? first.at - started : null, calls };
}

const APOLOGY = texts.error('X').split('<code>')[0]!;

function check(outcome: Outcome) {
  const label = `${outcome.input.slice(0, 120)}${outcome.input.length > 120 ? `… (${outcome.input.length} chars)` : ''}`;
  expect(outcome.answerMs, `no answer to ${label}`).not.toBeNull();
  expect(outcome.answerMs!, `slow answer to ${label}`).toBeLessThan(ANSWER_MS);
  for (const call of outcome.calls) {
    expect(call.response, `Telegram refused the answer to ${label}`).toMatchObject({ ok: true });
    expect(textOf(call).startsWith(APOLOGY), `apology (unhandled error) for ${label}`).toBe(false);
  }
  // Bad input is quoted as an excerpt: one message, never more than 60 characters of a word back.
  expect(outcome.calls.length, `several messages for ${label}`).toBeLessThanOrEqual(1);
  const shown = outcome.calls.map((c) => (c.response as { result?: { text?: string } }).result?.text ?? '').join('\n');
  for (const word of outcome.input.split(/\s+/).map((w) => w.replace(/^\//, '')).filter((w) => w.length > 60)) {
    expect(shown.includes(word.slice(0, 61)), `more than an excerpt of ${label} quoted`).toBe(false);
  }
}

describe('every command with fuzzed arguments', () => {
  const random = prng(SEED);
  const next = generator(random);
  const payloads = (command: string, coordinator: boolean): string[] => {
    const out: string[] = [];
    for (let tries = 0; out.length < PER_COMMAND && tries < 500; tries += 1) {
      const payload = next();
      if (coordinator && STATE_CHANGING.has(command) && !refused(ev, opdCodes, command, payload)) continue;
      out.push(payload);
    }
    return out;
  };

  it('as a coordinator in the group and privately: answered, accepted by Telegram, nothing written', async () => {
    let inputs = 0;
    for (const { name } of COMMANDS) {
      const chat = name === 'undang' || name === 'start' ? rina.id : GROUP;
      for (const payload of payloads(name, true)) {
        const before = STATE_CHANGING.has(name) ? await snapshot() : null;
        const outcome = await send(rina, chat, payload === '' ? `/${name}` : `/${name} ${payload}`);
        check(outcome);
        if (before !== null) expect(await snapshot(), `/${name} ${payload.slice(0, 80)} changed the database`).toBe(before);
        inputs += 1;
      }
      if (name === 'tugaskan') check(await send(rina, chat, '/batal'));
    }
    expect(inputs).toBe(COMMANDS.length * PER_COMMAND);
  }, 120_000);

  it('as a stranger, privately and in the group: refused politely, nothing written', async () => {
    const before = await snapshot();
    for (const { name } of COMMANDS) {
      for (const [i, payload] of payloads(name, false).entries()) {
        const chat = i % 2 === 0 ? tamu.id : GROUP;
        check(await send(tamu, chat, payload === '' ? `/${name}` : `/${name} ${payload}`));
      }
    }
    expect(await snapshot()).toBe(before);
  }, 120_000);

  it('a lone UTF-16 surrogate in an argument is answered, not an error (the database driver refused it)', async () => {
    for (const text of ['/hubungkan \ud800', '/ceklis bappeda\udc00', '/skor 4\ud83d', '/tugaskan\ud800 x']) {
      check(await send(rina, GROUP, text));
      check(await send(rina, GROUP, '/batal'));
    }
  });

  it('unknown commands, long ones too, get the pointer to /bantuan quoting an excerpt', async () => {
    for (const command of ['x', 'nilaix', 'a'.repeat(4_000), 'Indeks_2', `skor${'9'.repeat(100)}`]) {
      const outcome = await send(rina, GROUP, `/${command} <b>&`);
      check(outcome);
      expect(textOf(outcome.calls[0]!).length).toBeLessThan(300);
    }
  });
});
