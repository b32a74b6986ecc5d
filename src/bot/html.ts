// Telegram's HTML parse mode. Anything a user or a data file wrote must be escaped: a `<` in an
// imported description makes Telegram answer 400 "can't parse entities", and a description
// `<a href="…">` would show as a working link in the bot's own words. Markup is built with the
// `html` tag: every interpolation is escaped unless wrapped in `raw()`, which takes only what
// `html` made (the type `Html`), so neither escaping nor double escaping can be forgotten.
import { clip, excerpt } from '../domain/excerpt.ts';

export { clip, excerpt };

/** Escapes user-supplied text for Telegram's HTML parse mode (unescaped input gives 400). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

declare const HTML: unique symbol;
/** Markup made by `html`: safe to send with parse_mode HTML, and still a string. */
export type Html = string & { readonly [HTML]: true };

const RAW = Symbol('raw-html');
/** Markup placed as is into `html` (see `raw`). */
export interface RawHtml {
  readonly [RAW]: string;
}

/** Places markup made by `html` inside another `html` template without escaping it again. */
export function raw(markup: Html): RawHtml {
  return { [RAW]: markup };
}

type Plain = string | number | bigint | false | null | undefined;
export type HtmlValue = Plain | RawHtml | readonly HtmlValue[];
// An `Html` interpolated without raw() would be escaped twice: a type error instead.
type NoBareHtml<T> = T extends Html ? never : T extends readonly (infer U)[] ? readonly NoBareHtml<U>[] : T;

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (typeof value === 'object') return (value as RawHtml)[RAW];
  return escapeHtml(String(value));
}

/** html`<b>${name}</b>`: the literal parts are markup, every value is escaped (null, undefined, false: nothing). */
export function html<T extends readonly HtmlValue[]>(strings: TemplateStringsArray, ...values: T & { [K in keyof T]: NoBareHtml<T[K]> }): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i += 1) out += render(values[i] as HtmlValue) + strings[i + 1]!;
  return out as Html;
}

/** Lines (or other parts) of markup joined by a plain separator. */
export function joinHtml(parts: readonly Html[], separator = '\n'): Html {
  return parts.join(escapeHtml(separator)) as Html;
}

export const MESSAGE_LIMIT = 4096;

/** A tag, an entity, one code point (never half a surrogate pair), in source order. */
const TOKEN = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?>|&(?:#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{1,10});|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/g;

interface OpenTag {
  name: string;
  source: string;
}

const tagName = (token: string) => /^<\/?([a-zA-Z0-9-]+)/.exec(token)![1]!.toLowerCase();
const closers = (open: readonly OpenTag[]) => open.map((t) => `</${t.name}>`).reverse().join('');

function afterToken(open: readonly OpenTag[], token: string): readonly OpenTag[] {
  if (token.length < 3 || token[0] !== '<') return open;
  if (token[1] === '/') return open.at(-1)?.name === tagName(token) ? open.slice(0, -1) : open;
  return [...open, { name: tagName(token), source: token }];
}

/**
 * Splits a long HTML answer under Telegram's 4096-character limit, at a line break where one
 * fits, else at a space, else anywhere between characters: never inside a tag or an entity.
 * Elements open at a cut are closed at the end of one part and opened again in the next.
 */
export function splitMessage(text: string, limit = MESSAGE_LIMIT): string[] {
  if (text.length <= limit) return [text];
  const tokens = text.match(TOKEN) ?? [];
  const parts: string[] = [];
  let start = 0;
  let open: readonly OpenTag[] = [];
  while (start < tokens.length) {
    const prefix = open.map((t) => t.source).join('');
    const skipped = new Set<number>();
    let length = prefix.length;
    let state = open;
    let end = start;
    let atLine: { end: number; state: readonly OpenTag[] } | null = null;
    let atSpace: { end: number; state: readonly OpenTag[] } | null = null;
    while (end < tokens.length) {
      const token = tokens[end]!;
      // The end tag of an element no longer open here (see below) is left out.
      if (token.startsWith('</') && state.at(-1)?.name !== tagName(token)) {
        skipped.add(end);
        end += 1;
        continue;
      }
      const next = afterToken(state, token);
      if (length + token.length + closers(next).length > limit) break;
      length += token.length;
      state = next;
      end += 1;
      if (token === '\n') atLine = { end, state };
      else if (/^\s$/.test(token)) atSpace = { end, state };
    }
    if (end === start) {
      // Not one character fits beside the elements reopened: go on without their formatting.
      if (open.length > 0) {
        open = [];
        continue;
      }
      state = afterToken(state, tokens[start]!);
      end += 1;
    }
    const here = { end, state };
    const atBreak = end === tokens.length || tokens[end] === '\n';
    const cut = atBreak ? here : atLine ?? (/^\s$/.test(tokens[end]!) ? here : atSpace ?? here);
    const body = tokens.slice(start, cut.end).filter((_, i) => !skipped.has(start + i)).join('').replace(/\s+$/, '');
    if (body.replace(/<[^>]*>/g, '').trim() !== '') parts.push(prefix + body + closers(cut.state));
    start = cut.end;
    open = cut.state;
    // Telegram trims a message: the white space at a cut goes with the cut.
    while (start < tokens.length && /^\s$/.test(tokens[start]!)) start += 1;
  }
  return parts;
}
