// Fonts for the PDF files. pdfkit's built-in Helvetica only covers Latin-1 (WinAnsi), so an arrow
// or a name in another script would come out as garbage; DejaVu Sans covers them and is on every
// machine we run on (Debian package fonts-dejavu-core). Nothing is ever downloaded: when no copy
// is found the PDF falls back to Helvetica and the text is narrowed to what Helvetica can show.
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';

/** Where distributions install DejaVu Sans: Debian/Ubuntu, Alpine, Fedora, Arch, then local. */
export const FONT_DIRS: readonly string[] = [
  '/usr/share/fonts/truetype/dejavu',
  '/usr/share/fonts/dejavu',
  '/usr/share/fonts/dejavu-sans-fonts',
  '/usr/share/fonts/TTF',
  '/usr/local/share/fonts/dejavu',
  '/usr/local/share/fonts',
];

const REGULAR_FILE = 'DejaVuSans.ttf';
const BOLD_FILE = 'DejaVuSans-Bold.ttf';

export interface PdfFonts {
  /** a TTF path, or the name of a pdfkit standard font */
  regular: string;
  bold: string;
  /** false on the Helvetica fallback: text must go through toLatin1 first */
  unicode: boolean;
}

export const FALLBACK_FONTS: PdfFonts = { regular: 'Helvetica', bold: 'Helvetica-Bold', unicode: false };

/** TrueType files start with 0x00010000 or 'true'; a truncated or HTML "font" must not reach pdfkit. */
function isTrueType(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(4);
    if (readSync(fd, head, 0, 4, 0) !== 4) return false;
    return head.readUInt32BE(0) === 0x00010000 || head.toString('latin1') === 'true';
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The first directory holding both faces wins, so regular and bold always match. */
export function findPdfFonts(dirs: readonly string[] = FONT_DIRS): PdfFonts {
  for (const dir of dirs) {
    const regular = join(dir, REGULAR_FILE);
    const bold = join(dir, BOLD_FILE);
    if (isTrueType(regular) && isTrueType(bold)) return { regular, bold, unicode: true };
  }
  return FALLBACK_FONTS;
}

/** Look-alikes Helvetica can draw for the characters the reports use. */
const LATIN1_LOOKALIKES: Readonly<Record<string, string>> = {
  '—': '-', '–': '-', '‑': '-', '→': '->', '←': '<-', '…': '...', '‘': "'", '’': "'", '“': '"',
  '”': '"', '≥': '>=', '≤': '<=', '•': '·', '−': '-', '\u00a0': ' ', '\u202f': ' ',
};

/**
 * Text for the Helvetica fallback: known symbols become look-alikes, accented letters outside
 * Latin-1 lose their accent (ā → a), and anything else becomes '?', never a crash or mojibake.
 */
export function toLatin1(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code <= 0xff) out += ch;
    else if (LATIN1_LOOKALIKES[ch] !== undefined) out += LATIN1_LOOKALIKES[ch];
    else {
      const bare = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
      out += [...bare].every((c) => c.codePointAt(0)! <= 0xff) && bare !== '' ? bare : '?';
    }
  }
  return out;
}
