// The largest table the readers accept. Every limit is checked on the raw file, before csv-parse
// or exceljs build anything, because both build the whole table in memory in one go: a 15 KB
// workbook with a cell in column XFD on 1 000 rows took 4 GB and 34 s, and exceljs turns every
// merged range, data validation and named range into one object per cell it covers.
// Measured with the 50 000-row checklist export (tests/bench/table-bombs.bench.ts): 600 000 cells,
// 34 MB unpacked (3 MB as .xlsx), 16 MB as CSV; exceljs needs ~300 MB of heap and ~5 s for it.

/** A checklist of 50 000 items plus its header, title and blank rows, with room to spare. */
export const MAX_TABLE_ROWS = 60_000;

/** Columns A to AX. The import uses 12; a cell with content to the right of AX is refused. */
export const MAX_TABLE_COLUMNS = 50;

/**
 * Cells stored in the file: XLSX cell elements (formatted empty ones too) plus the cells merged
 * ranges cover (exceljs creates each, ~450 bytes apiece), CSV fields (empty ones too). 50 000 rows
 * of 12 columns are 600 000; one million keeps exceljs under ~0.5 GB.
 */
export const MAX_TABLE_CELLS = 1_000_000;

/**
 * Cells covered by data validations and named ranges: exceljs keeps one entry per cell (60–100
 * bytes, ~1.5 µs each). The export validates three columns of every row (150 000 cells at 50 000
 * rows); two validations on whole columns (2 × 1 048 576) still fit: 2.7 s, 0.4 GB.
 */
export const MAX_RANGE_CELLS = 2_500_000;

/** exceljs checks each merged range against all earlier ones (quadratic): 5 000 took 3 s. */
export const MAX_MERGED_RANGES = 1_000;

/** A CSV file (or text): the 50 000-row export is 16 MB; parsing runs at roughly 15 MB/s. */
export const MAX_CSV_BYTES = 50 * 1024 * 1024;

/**
 * One CSV record, in characters: every column at Excel's 32 767-character cell limit. csv-parse
 * reads a record in one go, so this also bounds how long it runs without a break (~0.1 s).
 */
export const MAX_CSV_ROW_CHARS = MAX_TABLE_COLUMNS * 32_767;

/** Everything an .xlsx unpacks to, declared and actual: the 50 000-row export is 34 MB. */
export const MAX_XLSX_UNPACKED_BYTES = 50 * 1024 * 1024;

/** Parts inside an .xlsx (an export has 12); jszip reads every header first, 100 000 took 2 s. */
export const MAX_XLSX_ENTRIES = 1_000;

/** XML elements in the parts exceljs parses: the export has 1.3 million; 3.8 million took 3 s. */
export const MAX_XML_ELEMENTS = 4_000_000;

/**
 * XML elements that are not cells, rows or text (styles, links, conditional formats, comments,
 * column formats…): exceljs spends up to ~1 KB and ~10 µs on each, 190 000 of a kind took at
 * most 2 s and 150 MB; real workbooks have a few thousand (a link on each of 50 000 rows fits).
 */
export const MAX_XML_OTHER_ELEMENTS = 200_000;

/** Excel's own sheet size: references beyond it only come from damaged or crafted files. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;
