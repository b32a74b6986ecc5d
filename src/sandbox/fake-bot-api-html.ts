// Telegram's HTML parse mode, strict where Telegram is strict: an unescaped `<` from user input,
// an unknown tag or an unbalanced one is a 400 "can't parse entities", which is exactly the bug
// the end-to-end tests should catch. The stored message gets the rendered text and its entities,
// as Telegram returns them. A bare `&` that starts no entity is kept, as Telegram keeps it.
import { badRequest } from './fake-bot-api-errors.ts';
import type { ApiError } from './fake-bot-api-errors.ts';
import type { TgEntity } from './fake-bot-api-types.ts';

const ENTITY_OF_TAG: Record<string, string> = {
  b: 'bold', strong: 'bold', i: 'italic', em: 'italic', u: 'underline', ins: 'underline',
  s: 'strikethrough', strike: 'strikethrough', del: 'strikethrough', 'tg-spoiler': 'spoiler', span: 'spoiler',
  a: 'text_link', code: 'code', pre: 'pre', blockquote: 'blockquote', 'tg-emoji': 'custom_emoji',
};
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

interface OpenTag {
  tag: string;
  offset: number;
  attributes: Record<string, string>;
  language?: string;
}

function parseAttributes(source: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of source.matchAll(/([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?/g)) {
    attributes[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return attributes;
}

function entityOf(open: OpenTag, length: number): TgEntity | undefined {
  const type = ENTITY_OF_TAG[open.tag]!;
  const entity: TgEntity = { type, offset: open.offset, length };
  if (open.tag === 'a') {
    const href = open.attributes['href'];
    if (!href) return undefined; // Telegram drops a link without a target.
    entity.url = href;
  }
  if (open.tag === 'pre' && open.language) entity.language = open.language;
  if (open.tag === 'blockquote' && 'expandable' in open.attributes) entity.type = 'expandable_blockquote';
  return entity;
}

export function renderHtml(source: string): { text: string; entities: TgEntity[] } {
  let text = '';
  const entities: TgEntity[] = [];
  const stack: OpenTag[] = [];
  // Telegram reports positions in UTF-8 bytes of the source.
  const byteOffset = (index: number): number => Buffer.byteLength(source.slice(0, index), 'utf8');
  const fail = (detail: string): ApiError => badRequest(`can't parse entities: ${detail}`);
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (char === '&') {
      const match = /^&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/.exec(source.slice(i, i + 12));
      const name = match?.[1];
      const decoded = name === undefined ? undefined
        : name.startsWith('#x') ? String.fromCodePoint(Number.parseInt(name.slice(2), 16))
          : name.startsWith('#') ? String.fromCodePoint(Number.parseInt(name.slice(1), 10))
            : NAMED_ENTITIES[name.toLowerCase()];
      if (decoded !== undefined && match) {
        text += decoded;
        i += match[0].length;
        continue;
      }
    }
    if (char !== '<') {
      text += char;
      i += 1;
      continue;
    }
    const close = source.indexOf('>', i);
    if (close < 0) throw fail(`Unclosed start tag at byte offset ${byteOffset(i)}`);
    const inner = source.slice(i + 1, close);
    if (inner.startsWith('/')) {
      const name = inner.slice(1).trim().toLowerCase();
      const open = stack.pop();
      if (!open) throw fail(`Unexpected end tag at byte offset ${byteOffset(i)}`);
      if (name !== open.tag) {
        throw fail(`Unmatched end tag at byte offset ${byteOffset(i)}, expected "</${open.tag}>", found "</${name}>"`);
      }
      const parent = stack.at(-1);
      const language = /^language-(.+)$/.exec(open.attributes['class'] ?? '')?.[1];
      if (open.tag === 'code' && parent?.tag === 'pre' && language) {
        parent.language = language; // <pre><code class="language-x"> is one pre entity with a language.
      } else {
        const entity = entityOf(open, text.length - open.offset);
        if (entity && entity.length > 0) entities.push(entity);
      }
    } else {
      const name = /^[a-zA-Z0-9-]*/.exec(inner)![0].toLowerCase();
      if (!(name in ENTITY_OF_TAG)) throw fail(`Unsupported start tag "${name}" at byte offset ${byteOffset(i)}`);
      const attributes = parseAttributes(inner.slice(name.length));
      if (name === 'span' && attributes['class'] !== 'tg-spoiler') {
        throw fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(i)}`);
      }
      stack.push({ tag: name, offset: text.length, attributes });
    }
    i = close + 1;
  }
  const unclosed = stack.at(-1);
  if (unclosed) throw fail(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities };
}

/** Text and entities as Telegram stores them for the given parse mode (only HTML is rendered). */
export function renderText(source: string, parseMode: unknown): { text: string; entities?: TgEntity[] } {
  if (typeof parseMode === 'string' && parseMode.toUpperCase() === 'HTML') {
    const { text, entities } = renderHtml(source);
    return entities.length > 0 ? { text, entities } : { text };
  }
  return { text: source };
}
