// Counts what exceljs would build from an .xlsx part while it inflates, chunk by chunk: rows,
// cells, shared strings, the cells merged ranges, data validations and named ranges cover, and
// every other element; refuses the part as soon as a count passes its limit. Only tags are read
// (with the text of a defined name): the XML is not parsed, and what the scan misreads in a damaged
// part, exceljs refuses afterwards.
import { TableFileError, tableTexts } from './table-errors.ts';
import {
  EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, MAX_MERGED_RANGES, MAX_RANGE_CELLS, MAX_TABLE_CELLS, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS,
  MAX_XML_ELEMENTS, MAX_XML_OTHER_ELEMENTS,
} from './table-limits.ts';

const refuse = (message: string): never => {
  throw new TableFileError(message);
};

export const newTotals = (): Totals => ({ elements: 0, other: 0, rows: 0, cells: 0, strings: 0, merges: 0, rangeCells: 0 });

/** "A1" or "$A$1" → [row, column]; null when it is not a cell reference (read by hand: one per cell). */
function cellRef(ref: string): [number, number] | null {
  let i = ref.charCodeAt(0) === 0x24 ? 1 : 0;
  let column = 0;
  for (let ch = ref.charCodeAt(i) | 0x20; ch >= 0x61 && ch <= 0x7a && i < 8; ch = ref.charCodeAt(++i) | 0x20) column = column * 26 + ch - 0x60;
  if (ref.charCodeAt(i) === 0x24) i++;
  const digits = ref.slice(i);
  if (column === 0 || !/^\d{1,10}$/.test(digits) || Number(digits) < 1) return null;
  return [Number(digits), column];
}

/** Cells covered by "A1:B2 C3" (a reference beyond Excel's sheet is a damaged file). */
function areaOf(list: string): number {
  let area = 0;
  for (const range of list.trim().split(/\s+/)) {
    if (range === '') continue;
    const [from = '', to = from] = range.split(':');
    const a = cellRef(from);
    const b = cellRef(to);
    if (!a || !b || Math.max(a[0], b[0]) > EXCEL_MAX_ROWS || Math.max(a[1], b[1]) > EXCEL_MAX_COLUMNS) refuse(tableTexts.xlsxBroken);
    area += (Math.abs(b![0] - a![0]) + 1) * (Math.abs(b![1] - a![1]) + 1);
  }
  return area;
}

/** Rows, cells and their text: bounded by the cell limits rather than by the "other" budget. */
const CELL_ELEMENTS = new Set(['row', 'c', 'v', 'f', 'is', 't', 'r', 'rPr', 'si', 'rPh', 'phoneticPr', 'b', 'i', 'u', 'sz',
  'color', 'rFont', 'family', 'charset', 'scheme', 'strike', 'vertAlign', 'outline', 'shadow', 'condense', 'extend']);
/** white space and "/" end an element's name */
const NAME_END = new Set([0x20, 0x09, 0x0a, 0x0d, 0x2f]);
/** Excel's formula limit is 8 192 characters; no real tag or defined name comes near this. */
const MAX_TAG_CHARS = 1 << 20;

/** Counts over the whole workbook. */
export interface Totals {
  elements: number;
  other: number;
  rows: number;
  cells: number;
  strings: number;
  merges: number;
  rangeCells: number;
}

/** Reads one part's XML in chunks: tags only, and the text of a defined name. */
export class XmlPart {
  private carry = '';
  private definedName: string | null = null;
  /** a cell right of the last column whose content is not known yet (the next tag tells) */
  private farCell: [number, number] | null = null;
  private row = 0;
  private column = 0;
  private columnFormats = 0;

  constructor(private readonly totals: Totals) {}

  feed(chunk: Buffer): void {
    const text = this.carry + chunk.toString('latin1');
    let pos = 0;
    for (;;) {
      const lt = text.indexOf('<', pos);
      if (this.definedName !== null) this.keepName(text.slice(pos, lt === -1 ? text.length : lt));
      if (lt === -1) {
        this.carry = '';
        return;
      }
      const gt = text.indexOf('>', lt + 1);
      if (gt === -1) {
        this.carry = text.slice(lt);
        if (this.carry.length > MAX_TAG_CHARS) refuse(tableTexts.xlsxBroken);
        return;
      }
      // a closing tag only matters after a cell right of the last column, or inside a defined name
      if (text.charCodeAt(lt + 1) !== 0x2f || this.farCell || this.definedName !== null) this.tag(text, lt, gt);
      pos = gt + 1;
    }
  }

  end(): void {
    this.totals.other += this.columnFormats;
    if (this.totals.other > MAX_XML_OTHER_ELEMENTS) refuse(tableTexts.xlsxTooComplex);
  }

  private keepName(text: string) {
    this.definedName += text;
    if (this.definedName!.length > MAX_TAG_CHARS) refuse(tableTexts.xlsxBroken);
  }

  private tag(text: string, lt: number, gt: number) {
    const first = text.charCodeAt(lt + 1);
    if (first === 0x3f || first === 0x21) return; // <?…?>, <!-- -->, <![CDATA[, <!DOCTYPE
    const closing = first === 0x2f;
    let end = lt + (closing ? 2 : 1);
    while (end < gt && !NAME_END.has(text.charCodeAt(end))) end++;
    const qualified = text.slice(lt + (closing ? 2 : 1), end);
    const name = qualified.slice(qualified.indexOf(':') + 1);
    if (closing) {
      if (name === 'c') this.farCell = null;
      if (name === 'definedName' && this.definedName !== null) {
        this.addRangeCells(this.definedName.match(/\$?[A-Za-z]{1,7}\$?\d+:\$?[A-Za-z]{1,7}\$?\d+/g)?.join(' ') ?? '');
        this.definedName = null;
      }
      return;
    }
    if (this.farCell) refuse(tableTexts.beyondLastColumn(...this.farCell));
    const t = this.totals;
    if (++t.elements > MAX_XML_ELEMENTS) refuse(tableTexts.xlsxTooComplex);
    if (!CELL_ELEMENTS.has(name) && ++t.other > MAX_XML_OTHER_ELEMENTS) refuse(tableTexts.xlsxTooComplex);
    const selfClosing = text.charCodeAt(gt - 1) === 0x2f;
    // attributes are looked up in the tag alone: a search for a missing one must not run on to the
    // end of the chunk (and no closure per tag: tsx wraps each one, which doubled the time)
    switch (name) {
      case 'row': {
        if (++t.rows > MAX_TABLE_ROWS) refuse(tableTexts.xlsxTooManyRows);
        const r = attributeOf(text.slice(lt, gt), 'r');
        this.row = r === null ? this.row + 1 : Number(r);
        if (!Number.isSafeInteger(this.row) || this.row < 1 || this.row > EXCEL_MAX_ROWS) refuse(tableTexts.xlsxBroken);
        this.column = 0;
        break;
      }
      case 'c': {
        this.addCells(1);
        const r = attributeOf(text.slice(lt, gt), 'r');
        const at = r === null ? [this.row, this.column + 1] : cellRef(r);
        if (!at || at[0]! > EXCEL_MAX_ROWS || at[1]! > EXCEL_MAX_COLUMNS) return refuse(tableTexts.xlsxBroken);
        this.column = at[1]!;
        if (at[1]! > MAX_TABLE_COLUMNS && !selfClosing) this.farCell = [at[0]!, at[1]!];
        break;
      }
      case 'mergeCell':
        if (++t.merges > MAX_MERGED_RANGES) refuse(tableTexts.tooManyMerges);
        this.addCells(areaOf(attributeOf(text.slice(lt, gt), 'ref') ?? ''));
        break;
      case 'dataValidation':
        this.addRangeCells(attributeOf(text.slice(lt, gt), 'sqref') ?? '');
        break;
      case 'definedName':
        if (!selfClosing) this.definedName = '';
        break;
      case 'col': {
        const max = Number(attributeOf(text.slice(lt, gt), 'max') ?? 0);
        if (!Number.isSafeInteger(max) || max > EXCEL_MAX_COLUMNS) refuse(tableTexts.xlsxBroken);
        // exceljs makes one column object for every column up to the last one formatted
        this.columnFormats = Math.max(this.columnFormats, max);
        break;
      }
      case 'si':
        if (++t.strings > MAX_TABLE_CELLS) refuse(tableTexts.xlsxTooManyCells);
        break;
    }
  }

  private addCells(n: number) {
    this.totals.cells += n;
    if (this.totals.cells > MAX_TABLE_CELLS) refuse(tableTexts.xlsxTooManyCells);
  }

  private addRangeCells(list: string) {
    this.totals.rangeCells += areaOf(list);
    if (this.totals.rangeCells > MAX_RANGE_CELLS) refuse(tableTexts.tooManyRangeCells);
  }
}

/** The value of attribute `key` in a tag, or null: `key="…"` (as Excel writes it) or `key = '…'`. */
function attributeOf(tag: string, key: string): string | null {
  const fast = tag.indexOf(` ${key}="`);
  if (fast !== -1) {
    const from = fast + key.length + 3;
    const to = tag.indexOf('"', from);
    if (to !== -1) return tag.slice(from, to);
  }
  let pattern = ATTRIBUTES.get(key);
  if (!pattern) ATTRIBUTES.set(key, (pattern = new RegExp(String.raw`\s${key}\s*=\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = pattern.exec(tag);
  return m ? (m[1] ?? m[2]!) : null;
}
const ATTRIBUTES = new Map<string, RegExp>();
