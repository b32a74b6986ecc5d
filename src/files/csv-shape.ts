// Measures a CSV before csv-parse reads it. csv-parse builds every record before anyone can look
// at it (a 5 MB line of ";" is five million cells in one record), so the limits are checked on
// the text, in one pass that reads quotes exactly as csv-parse does with relax_quotes.
import { TableFileError, tableTexts } from './table-errors.ts';
import { MAX_CSV_ROW_CHARS, MAX_TABLE_CELLS, MAX_TABLE_COLUMNS, MAX_TABLE_ROWS } from './table-limits.ts';

/** About 70 ms of csv-parse: between slices the bot answers other chats. */
export const CSV_SLICE_CHARS = 1 << 20;

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const BLANK = new Set([0x20, 0x09, CR, LF]);

export interface CsvShape {
  /** where slices of whole records end: each parses on its own to the records of the whole text */
  ends: number[];
  /** the first line break outside quotes ("\r\n", "\n" or "\r"); csv-parse takes only that one */
  recordDelimiter: string | null;
}

/**
 * Refuses a table over the limits and finds where records end, by csv-parse's rules with
 * relax_quotes: a quote opens a quoted cell only before anything else in the cell; inside, "" is
 * a quote and any other quote closes it; the first line break outside quotes is the one that
 * ends records, the other kinds are text.
 */
export function measureCsv(text: string, delimiter: string, sliceChars = CSV_SLICE_CHARS): CsvShape {
  const delim = delimiter.charCodeAt(0);
  // the characters that matter outside quotes; runs of anything else are skipped in one step
  const special = new RegExp(`[${delimiter}"\r\n]`, 'g');
  const ends: number[] = [];
  let sliceStart = 0;
  let recordStart = 0;
  let records = 0;
  let column = 1;
  let cells = 0;
  let quoteRow = 0;
  let recordDelimiter: string | null = null;
  /** nothing added to the cell yet: only then does a quote open a quoted cell */
  let fieldEmpty = true;
  /** only blanks in the cell so far: a blank cell right of the last column is dropped, not refused */
  let fieldBlank = true;

  /** text[from, to) joins the current cell */
  const addText = (from: number, to: number) => {
    if (to - recordStart > MAX_CSV_ROW_CHARS) throw new TableFileError(tableTexts.rowTooLong(records + 1));
    if (column <= MAX_TABLE_COLUMNS) return;
    for (let k = from; k < to && fieldBlank; k++) fieldBlank = BLANK.has(text.charCodeAt(k));
  };
  const endField = () => {
    if (!fieldBlank && column > MAX_TABLE_COLUMNS) throw new TableFileError(tableTexts.beyondLastColumn(records + 1, column));
    if (++cells > MAX_TABLE_CELLS) throw new TableFileError(tableTexts.csvTooManyCells);
    column++;
    fieldEmpty = true;
    fieldBlank = true;
  };
  const endRecord = (at: number) => {
    endField();
    if (++records > MAX_TABLE_ROWS) throw new TableFileError(tableTexts.csvTooManyRows);
    column = 1;
    recordStart = at;
    if (at - sliceStart >= sliceChars) {
      ends.push(at);
      sliceStart = at;
    }
  };

  let i = 0;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === QUOTE && fieldEmpty) {
      quoteRow = records + 1;
      i = quotedCell(i + 1);
    } else if (ch === delim) {
      endField();
      i++;
    } else if ((ch === CR || ch === LF) && text.startsWith((recordDelimiter ??= lineBreakAt(text, i)), i)) {
      i += recordDelimiter.length;
      endRecord(i);
    } else {
      // text up to the next character that matters, in one step (a quote inside a cell, or a line
      // break of another kind than the file's, is text too)
      special.lastIndex = i + 1;
      const at = special.exec(text)?.index ?? text.length;
      addText(i, at);
      fieldEmpty = false;
      i = at;
    }
  }
  // like csv-parse, text after the last line break is a record, a final line break is not
  if (!fieldEmpty || column > 1) endRecord(text.length);
  if (sliceStart < text.length) ends.push(text.length);
  return { ends, recordDelimiter };

  /** Reads a quoted cell from just after its opening quote; returns where plain reading goes on. */
  function quotedCell(from: number): number {
    let i = from;
    for (;;) {
      const quote = text.indexOf('"', i);
      if (quote === -1) {
        addText(i, text.length);
        throw new TableFileError(tableTexts.csvUnreadable(tableTexts.csvQuoteNotClosed(quoteRow)));
      }
      addText(i, quote);
      fieldEmpty = false;
      if (text.charCodeAt(quote + 1) === QUOTE) {
        addText(quote, quote + 1);
        i = quote + 2;
        continue;
      }
      // a quote followed by anything but a delimiter or line break closes the cell all the same
      // (relax_quotes), and stays in it as text
      const next = text.charCodeAt(quote + 1);
      if (quote + 1 < text.length && next !== delim && next !== CR && next !== LF) addText(quote, quote + 1);
      return quote + 1;
    }
  }
}

function lineBreakAt(text: string, i: number): string {
  if (text.charCodeAt(i) === LF) return '\n';
  return text.charCodeAt(i + 1) === LF ? '\r\n' : '\r';
}

