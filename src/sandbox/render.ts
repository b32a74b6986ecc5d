// What the sandbox terminal shows of the bot's calls: Telegram HTML made readable in a terminal
// (bold as ANSI only on a TTY, so piped output and tests stay plain) and inline keyboards as
// numbered buttons, numbered across rows in reading order so "2" means the second button seen.

export interface TerminalStyle {
  /** ANSI bold/italic/underline; false for a pipe or a file */
  color: boolean;
}

export interface InlineButton {
  text: string;
  data?: string;
  url?: string;
  /** a Mini App button (web_app): opened in a browser from the sandbox */
  webApp?: boolean;
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };

// On and off codes per tag; the off code (22/23/24) ends only that attribute, so a bold span
// inside italics does not switch the italics off.
const ANSI_OF_TAG: Record<string, [string, string]> = {
  b: ['\x1b[1m', '\x1b[22m'], strong: ['\x1b[1m', '\x1b[22m'],
  i: ['\x1b[3m', '\x1b[23m'], em: ['\x1b[3m', '\x1b[23m'],
  u: ['\x1b[4m', '\x1b[24m'], ins: ['\x1b[4m', '\x1b[24m'],
};

function decodeEntity(name: string): string | undefined {
  if (/^#x[0-9a-f]+$/i.test(name)) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
  if (/^#\d+$/.test(name)) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
  return NAMED_ENTITIES[name.toLowerCase()];
}

/**
 * Telegram HTML (parse_mode HTML) as terminal text. Lenient on purpose: the fake Bot API already
 * refuses broken HTML, so whatever reaches here was accepted; an unknown tag is simply dropped.
 */
export function htmlToTerminal(html: string, style: TerminalStyle): string {
  const depth = new Map<string, number>();
  const links: string[] = [];
  let out = '';
  let last = 0;
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g)) {
    out += html.slice(last, match.index);
    last = match.index + match[0].length;
    const entity = match[4];
    if (entity !== undefined) {
      out += decodeEntity(entity) ?? match[0];
      continue;
    }
    const closing = match[1] === '/';
    const tag = match[2]!.toLowerCase();
    if (tag === 'a') {
      // Links keep their target visible: a terminal cannot click hidden hrefs.
      if (closing) {
        const href = links.pop();
        if (href) out += ` (${href})`;
      } else {
        const href = /href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(match[3] ?? '');
        const target = href?.[1] ?? href?.[2] ?? href?.[3] ?? '';
        links.push(target.replace(/&amp;/g, '&'));
      }
      continue;
    }
    const ansi = ANSI_OF_TAG[tag];
    if (!ansi || !style.color) continue;
    const key = ansi[0];
    const level = depth.get(key) ?? 0;
    if (closing) {
      depth.set(key, Math.max(0, level - 1));
      if (level === 1) out += ansi[1];
    } else {
      depth.set(key, level + 1);
      if (level === 0) out += ansi[0];
    }
  }
  out += html.slice(last);
  return out;
}

/** The text as the user sees it: rendered when parse_mode is HTML, as sent otherwise. */
export function messageText(text: string, parseMode: unknown, style: TerminalStyle): string {
  return parseMode === 'HTML' ? htmlToTerminal(text, style) : text;
}

/** The inline buttons of a reply_markup, flattened in reading order; [] for anything else. */
export function inlineButtons(markup: unknown): InlineButton[] {
  const rows = (markup as { inline_keyboard?: unknown } | null | undefined)?.inline_keyboard;
  if (!Array.isArray(rows)) return [];
  const buttons: InlineButton[] = [];
  for (const row of rows) {
    if (!Array.isArray(row)) continue;
    for (const raw of row as unknown[]) {
      const b = raw as { text?: unknown; callback_data?: unknown; url?: unknown; web_app?: { url?: unknown } } | null;
      if (!b || typeof b.text !== 'string') continue;
      buttons.push({
        text: b.text,
        ...(typeof b.callback_data === 'string' ? { data: b.callback_data } : {}),
        ...(typeof b.url === 'string' ? { url: b.url } : {}),
        ...(typeof b.web_app?.url === 'string' ? { webApp: true } : {}),
      });
    }
  }
  return buttons;
}

/** One line per keyboard row: `[1] 📊 Grafik   [2] …`, numbers running on across rows. */
export function buttonLines(markup: unknown): string[] {
  const rows = (markup as { inline_keyboard?: unknown } | null | undefined)?.inline_keyboard;
  if (!Array.isArray(rows)) return [];
  const lines: string[] = [];
  let n = 0;
  for (const row of rows) {
    const labels = inlineButtons({ inline_keyboard: [row] }).map((b) => `[${++n}] ${b.text}${b.url ? ` ↗ ${b.url}` : ''}`);
    if (labels.length > 0) lines.push(labels.join('   '));
  }
  return lines;
}

/** Every line indented, so the bot's words stand apart from what was typed. */
export function indent(text: string, prefix = '  '): string {
  return text.split('\n').map((line) => (line === '' ? '' : prefix + line)).join('\n');
}
