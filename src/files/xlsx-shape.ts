// Measures an .xlsx before exceljs loads it. exceljs inflates every part, builds the whole
// workbook and turns merged ranges, data validations and named ranges into one object per cell,
// so sizes are checked on the zip's directory, and counts and ranges on the XML while it inflates
// (xlsx-xml.ts), with a byte limit, so a part that lies about its size stops there.
import JSZip from 'jszip';
import { TableFileError, tableTexts } from './table-errors.ts';
import { MAX_XLSX_ENTRIES, MAX_XLSX_UNPACKED_BYTES } from './table-limits.ts';
import { newTotals, XmlPart } from './xlsx-xml.ts';

const refuse = (message: string): never => {
  throw new TableFileError(message);
};

/** jszip reads every central directory header before anything can be checked: count them first. */
const CENTRAL_HEADER = Buffer.from([0x50, 0x4b, 0x01, 0x02]);

function centralHeadersUpTo(data: Buffer, max: number): number {
  let count = 0;
  for (let at = data.indexOf(CENTRAL_HEADER); at !== -1 && count <= max; at = data.indexOf(CENTRAL_HEADER, at + 4)) count++;
  return count;
}

/**
 * The uncompressed size from the zip's central directory. jszip keeps it on a private field that
 * its own typings describe; if a jszip release drops it, the byte limit while inflating still holds.
 */
function declaredSize(file: JSZip.JSZipObject): number | null {
  const size = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === 'number' && Number.isSafeInteger(size) && size >= 0 ? size : null;
}

/** The parts exceljs parses as XML (lib/xlsx/xlsx.js `load`); the rest it only keeps as bytes. */
const PARSED_PART = new RegExp(
  String.raw`^(_rels/\.rels|xl/workbook\.xml|xl/_rels/workbook\.xml\.rels|xl/sharedStrings\.xml|xl/styles\.xml|docProps/(app|core)\.xml)$` +
    String.raw`|xl/(worksheets/(_rels/)?sheet\d+\.xml|drawings/(_rels/)?[a-zA-Z0-9]+\.xml|comments\d+\.xml|tables/table\d+\.xml|drawings/vmlDrawing\d+\.vml)`,
);

/**
 * Inflates a part, feeding the XML scanner, and stops at the first byte past what is left of the
 * budget, or past the size the zip's directory declares (only a damaged or crafted part has more).
 */
function inflate(file: JSZip.JSZipObject, declared: number | null, left: number, part: XmlPart | null): Promise<number> {
  return new Promise((resolve, reject) => {
    const stream = file.nodeStream('nodebuffer');
    let size = 0;
    const stop = (error: unknown) => {
      stream.removeAllListeners('data');
      stream.pause();
      reject(error instanceof TableFileError ? error : new TableFileError(tableTexts.xlsxBroken));
    };
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      try {
        if (declared !== null && size > declared) refuse(tableTexts.xlsxBroken);
        if (size > left) refuse(tableTexts.xlsxTooLarge);
        part?.feed(chunk);
      } catch (error) {
        stop(error);
      }
    });
    stream.on('error', stop);
    stream.on('end', () => {
      try {
        part?.end();
        resolve(size);
      } catch (error) {
        stop(error);
      }
    });
  });
}

/** Refuses, with a TableFileError, an .xlsx that is over the limits or damaged. */
export async function checkXlsxShape(data: Buffer): Promise<void> {
  if (data.length > MAX_XLSX_UNPACKED_BYTES) refuse(tableTexts.xlsxTooLarge);
  if (centralHeadersUpTo(data, MAX_XLSX_ENTRIES) > MAX_XLSX_ENTRIES) refuse(tableTexts.xlsxTooComplex);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    return refuse(tableTexts.xlsxBroken);
  }
  // exceljs reads zip.files the same way: one entry per name, folders skipped
  const files = Object.values(zip.files).filter((file) => !file.dir);
  const declared = files.reduce((sum, file) => sum + (declaredSize(file) ?? 0), 0);
  if (declared > MAX_XLSX_UNPACKED_BYTES) refuse(tableTexts.xlsxTooLarge);
  const totals = newTotals();
  let left = MAX_XLSX_UNPACKED_BYTES;
  for (const file of files) {
    const part = PARSED_PART.test(file.name.replace(/^\//, '')) ? new XmlPart(totals) : null;
    left -= await inflate(file, declaredSize(file), left, part);
  }
}
