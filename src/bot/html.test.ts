import { describe, expect, it } from 'vitest';
import { renderHtml } from '../sandbox/fake-bot-api-html.ts';
import type { Html } from './html.ts';
import { clip, escapeHtml, excerpt, html, joinHtml, raw, splitMessage } from './html.ts';

const LINK = '<a href="https://evil.example/login">portal verifikasi</a>';

describe('html tagged template', () => {
  it('escapes every interpolation: Telegram shows the text as typed, no tag, no link', () => {
    for (const input of ['nilai < 3', 'A & B', '&amp; &lt;b&gt;', LINK, '<b>tebal</b>', '<3']) {
      const out = html`<b>Judul:</b> ${input}`;
      const shown = renderHtml(out);
      expect(shown.text).toBe(`Judul: ${input}`);
      expect(shown.entities).toEqual([{ type: 'bold', offset: 0, length: 6 }]);
    }
  });

  it('places markup made by html once, through raw(); nothing, numbers and lists as expected', () => {
    const inner = html`<i>${'x<y'}</i>`;
    expect(html`${raw(inner)} & ${inner as string}`).toBe('<i>x&lt;y</i> & &lt;i&gt;x&amp;lt;y&lt;/i&gt;');
    expect(html`${null}${undefined}${false}${0}${12n}`).toBe('012');
    expect(html`${['a<', raw(html`<b>b</b>`)]}`).toBe('a&lt;<b>b</b>');
    expect(joinHtml([html`<b>a</b>`, html`${'<c>'}`], ' & ')).toBe('<b>a</b> &amp; &lt;c&gt;');
  });

  it('escapeHtml leaves nothing Telegram would parse', () => {
    expect(escapeHtml('<a href="x">&amp;</a>')).toBe('&lt;a href="x"&gt;&amp;amp;&lt;/a&gt;');
  });
});

describe('excerpt and clip', () => {
  it('quotes at most 60 characters on one line, with an ellipsis when cut', () => {
    expect(excerpt('14.00')).toBe('14.00');
    expect(excerpt('a\n\n b')).toBe('a b');
    expect(excerpt('x'.repeat(4088))).toBe(`${'x'.repeat(60)}…`);
    expect(excerpt('y'.repeat(6 * 1024 * 1024), 300)).toHaveLength(301);
  });

  it('never keeps half a surrogate pair', () => {
    const cut = excerpt('😀'.repeat(100));
    expect(cut).toBe(`${'😀'.repeat(30)}…`);
    expect(clip(`a${'😀'.repeat(5)}`, 4)).toBe('a😀…');
  });

  it('cuts before escaping, so an entity is never cut in half', () => {
    const shown = renderHtml(html`"${excerpt('&'.repeat(100))}"`).text;
    expect(shown).toBe(`"${'&'.repeat(60)}…"`);
  });
});

describe('splitMessage', () => {
  const parse = (parts: string[], limit: number) => parts.map((p) => {
    expect(p.length).toBeLessThanOrEqual(limit);
    return renderHtml(p);
  });

  it('keeps short messages whole and packs whole lines', () => {
    expect(splitMessage('a\nb', 10)).toEqual(['a\nb']);
    expect(splitMessage('aaaa\nbbbb\ncccc', 10)).toEqual(['aaaa\nbbbb', 'cccc']);
  });

  it('never cuts inside an entity: a long line of escaped input splits between entities', () => {
    const line = html`${'&<>'.repeat(2000)}`;
    const parts = splitMessage(line, 4096);
    expect(parts.length).toBeGreaterThan(1);
    const shown = parse(parts, 4096).map((r) => r.text).join('');
    expect(shown).toBe('&<>'.repeat(2000));
  });

  it('never cuts inside a tag, and closes and reopens an element cut in two', () => {
    const long = html`<b>${'kata '.repeat(30)}</b> <a href="https://example.org/x">${'tautan '.repeat(20)}</a>`;
    const parts = splitMessage(long, 50);
    const rendered = parse(parts, 50);
    expect(rendered.map((r) => r.text).join(' ').replace(/\s+/g, ' ').trim())
      .toBe(renderHtml(long).text.replace(/\s+/g, ' ').trim());
    for (const [i, r] of rendered.entries()) {
      expect(r.entities.length, `part ${i}`).toBeGreaterThan(0);
    }
    expect(parts.some((p) => p.startsWith('<a href="https://example.org/x">'))).toBe(true);
  });

  it('loses nothing of a single line longer than the limit (it used to drop the rest)', () => {
    const text = `kepala\n${'x'.repeat(10_000)}\nekor`;
    const parts = splitMessage(text);
    expect(parts[0]).toBe('kepala');
    expect(parts.join('').replace(/\n/g, '')).toBe(text.replace(/\n/g, ''));
    expect(parts.every((p) => p.length <= 4096)).toBe(true);
  });

  it('splits at a space rather than inside a word when a line has no break', () => {
    const parts = splitMessage('satu dua tiga empat lima', 10);
    expect(parts).toEqual(['satu dua', 'tiga empat', 'lima']);
  });

  it('random markup of escaped input at random limits: every part fits, parses, and nothing is lost', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
    const int = (n: number) => Math.floor(random() * n);
    const pieces = ['kata', ' ', '\n', '&', '<', '>', '😀', 'é', '<b>x</b>', 'https://a.b/?c=1&d=<2>', '   '];
    const plain = () => Array.from({ length: int(40) }, () => pieces[int(pieces.length)]).join('');
    const block = (): Html => [
      () => html`<b>${plain()}</b>`,
      () => html`<i>${plain()}</i> ${plain()}`,
      () => html`<a href="https://example.org/?q=1&amp;r=2">${plain()}</a>`,
      () => html`<code>${plain()}</code>\n`,
      () => html`${plain()}`,
    ][int(5)]!();
    const flat = (s: string) => s.replace(/\s+/g, '');
    for (let round = 0; round < 300; round += 1) {
      const text = joinHtml(Array.from({ length: 1 + int(12) }, block), pieces[int(3)]!);
      const limit = 40 + int(200);
      const parts = splitMessage(text, limit);
      const rendered = parse(parts, limit);
      expect(flat(rendered.map((r) => r.text).join(''))).toBe(flat(renderHtml(text).text));
    }
  });

  it('sends no empty part', () => {
    const parts = splitMessage(`a\n\n\n\n${' '.repeat(20)}\n\nb`, 5);
    expect(parts).toEqual(['a', 'b']);
  });
});
