// The table files that stopped the bot (a value in column XFD, parts that unpack to 400 MB, too
// many rows, cells or ranges), which must now be refused in well under a second, and the largest
// legitimate table: the 50 000-row checklist export (12 columns) as CSV and XLSX.
import { TableFileError, readTableFile } from '../../src/files/tables.ts';
import { checkXlsxShape } from '../../src/files/xlsx-shape.ts';
import {
  checklistCsv, checklistXlsx, hugePart, manyParts, manyRows, mergedRanges, validation, wideRow, xfdSheet, xfdWorkbook,
} from '../files/table-bomb-files.ts';
import { measure, printFigures } from './support.ts';

const MB = 1024 * 1024;
const mib = (bytes: number) => `${(bytes / MB).toFixed(0)} MiB`;
const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i + 1)).join('\n');

const bombs: [string, string, Buffer][] = [
  ['XLSX: value in column XFD on 1 000 rows (the finding: 34 s, 4.2 GB)', 'a.xlsx', await xfdWorkbook(1_000)],
  ['XLSX: value in column XFD on 20 000 rows (the finding: process killed)', 'a.xlsx', await xfdSheet(20_000)],
  ['XLSX: a part declaring 400 MB', 'a.xlsx', await hugePart(400 * MB)],
  ['XLSX: a part declaring 1 KB that unpacks to 400 MB', 'a.xlsx', await hugePart(400 * MB, 1_024)],
  ['XLSX: 60 001 rows', 'a.xlsx', await manyRows(60_001)],
  ['XLSX: one row 16 384 cells wide', 'a.xlsx', await wideRow(16_384)],
  ['XLSX: merged range A1:XFD1048576', 'a.xlsx', await mergedRanges(['A1:XFD1048576'])],
  ['XLSX: data validation A1:XFD1048576', 'a.xlsx', await validation('A1:XFD1048576')],
  ['XLSX: 1 001 parts', 'a.xlsx', await manyParts(1_001)],
  ['CSV: 50 MB + 1 byte', 'a.csv', Buffer.alloc(50 * MB + 1, 0x61)],
  ['CSV: 60 001 rows', 'a.csv', Buffer.from(lines(60_001, (i) => `${i};3`))],
  ['CSV: one line of 5 000 000 ";"', 'a.csv', Buffer.alloc(5_000_000, 0x3b)],
  ['CSV: one record over 1 000 000 quoted line breaks', 'a.csv', Buffer.from(`indikator;catatan\n1${';"\n"'.repeat(1_000_000)}`)],
];

for (const [name, file, data] of bombs) {
  const before = process.memoryUsage().rss;
  let message = '';
  await measure(`${name} — ${(data.length / 1024).toFixed(0)} KB`, async () => {
    try {
      await readTableFile(file, data);
    } catch (error) {
      if (!(error instanceof TableFileError)) throw error;
      message = error.message;
      return;
    }
    throw new Error(`${name}: accepted`);
  }, { runs: 10, warmup: 1 });
  console.log(`${name}: refused "${message.slice(0, 70)}…"; rss ${mib(before)} → ${mib(process.memoryUsage().rss)}`);
}
console.log(`peak rss while refusing: ${mib(process.resourceUsage().maxRSS * 1024)}`);
printFigures('Table bombs: refused before parsing (readTableFile, wall time)');

/** The longest the event loop waited during `fn`, and the highest rss seen, sampled every millisecond. */
async function loopGap(fn: () => Promise<unknown>): Promise<string> {
  let last = performance.now();
  let gap = 0;
  let rss = process.memoryUsage().rss;
  const timer = setInterval(() => {
    const now = performance.now();
    gap = Math.max(gap, now - last);
    last = now;
    rss = Math.max(rss, process.memoryUsage().rss);
  }, 1);
  await fn();
  clearInterval(timer);
  return `longest event-loop wait ${gap.toFixed(0)} ms, rss up to ${mib(Math.max(rss, process.memoryUsage().rss))} (sampled)`;
}

const csv = checklistCsv(50_000);
const xlsx = await checklistXlsx(50_000);
console.log(`\nchecklist export, 50 000 rows × 12 columns: CSV ${(csv.length / MB).toFixed(1)} MB, XLSX ${(xlsx.length / MB).toFixed(1)} MB`);
await measure('CSV: 50 000-row checklist export', () => readTableFile('ceklis.csv', csv), { runs: 5, warmup: 1 });
console.log(`CSV: ${await loopGap(() => readTableFile('ceklis.csv', csv))}`);
await measure('XLSX: 50 000-row checklist export (checks only)', () => checkXlsxShape(xlsx), { runs: 5, warmup: 1 });
await measure('XLSX: 50 000-row checklist export', () => readTableFile('ceklis.xlsx', xlsx), { runs: 3, warmup: 1 });
const table = await readTableFile('ceklis.xlsx', xlsx);
if (table.rows.length !== 50_000) throw new Error(`read ${table.rows.length} rows`);
console.log(`XLSX checks only: ${await loopGap(() => checkXlsxShape(xlsx))}`);
console.log(`XLSX: ${await loopGap(() => readTableFile('ceklis.xlsx', xlsx))}`);
printFigures('Largest legitimate table (readTableFile, wall time)');
