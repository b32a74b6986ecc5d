// Parses and validates a framework data file (prisma/data/frameworks/*.json) into a FrameworkDef.
// A framework is data, not code: a mistake in a new file (a weight typed as 1,35 instead of 1,30,
// a predicate band with a gap) would corrupt every index computed from it, so the file is refused
// with every problem listed, in Indonesian, naming the place to fix.

import { z } from 'zod';
import { formatDecimal, numberToScaled, showNumber } from './decimal.ts';
import { describeIssue } from './framework-file-issues.ts';
import { checkPredicates } from './framework-predicates.ts';
import { checkDecimalValues, checkExternalIndex, externalIndexSchema } from './framework-values.ts';
import type { AspectDef, DomainDef, FrameworkDef, IndicatorDef, LevelScale } from './framework-types.ts';
import { WEIGHT_TOTAL } from './framework-types.ts';

export type FrameworkFileResult = { ok: true; framework: FrameworkDef } | { ok: false; errors: string[] };

const text = z.string().refine((s) => s.trim() !== '', { error: 'tidak boleh kosong' });
const optionalText = text.nullable().optional();
const itemNo = z.number().int().positive();
const texts = z.array(text);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'harus tanggal YYYY-MM-DD' });


// Strict objects: a misspelt key ("externalSorce") must be reported, not silently dropped.
const fileSchema = z.strictObject({
  code: z.string(),
  name: text,
  regulation: text,
  provisional: z.boolean(),
  source: text,
  validFrom: z.number().int(),
  validTo: z.number().int().nullable(),
  valueDecimals: z.union([z.literal(0), z.literal(2)]).optional(),
  citation: z
    .strictObject({ number: text, title: text, enacted: isoDate, promulgated: isoDate, gazette: text })
    .optional(),
  notes: texts.optional(),
  unconfirmed: texts.optional(),
  levelScales: z.array(z.strictObject({ code: text, names: z.array(z.string()) })).min(1),
  predicates: z
    .array(
      z.strictObject({
        name: text,
        alias: optionalText,
        min: z.number().nullable().optional(),
        minExclusive: z.number().nullable().optional(),
        max: z.number().nullable().optional(),
        maxExclusive: z.number().nullable().optional(),
      }),
    )
    .min(1),
  domains: z.array(z.strictObject({ no: itemNo, name: text, weight: z.number() })),
  aspects: z
    .array(z.strictObject({ no: itemNo, name: text, domain: itemNo.nullable().optional(), weight: z.number() }))
    .min(1),
  indicators: z
    .array(
      z.strictObject({
        no: itemNo,
        name: text,
        aspect: itemNo,
        weight: z.number(),
        scale: text,
        evidenceExample: optionalText,
        guidingAgencies: texts.optional(),
        owningFunctions: texts.optional(),
        criteria: texts.optional(),
        externalIndex: externalIndexSchema.nullable().optional(),
      }),
    )
    .min(1),
});

type FrameworkFile = z.infer<typeof fileSchema>;

const SLUG = /^[a-z0-9][a-z0-9-]*$/;
// Fallback wording for the rare zod issues describeIssue does not phrase itself.
const zodIndonesian = z.locales.id().localeError;

export function parseFrameworkFile(raw: unknown, fileLabel?: string): FrameworkFileResult {
  const prefix = (errors: string[]) => (fileLabel ? errors.map((e) => `${fileLabel}: ${e}`) : errors);
  const parsed = fileSchema.safeParse(raw, { error: zodIndonesian });
  // The semantic checks need typed data, so they run only once the structure is sound; every
  // structural issue is still reported together.
  if (!parsed.success) return { ok: false, errors: prefix(parsed.error.issues.map((i) => describeIssue(raw, i))) };

  const errors: string[] = [];
  const framework = checkFramework(parsed.data, errors);
  return errors.length === 0 ? { ok: true, framework } : { ok: false, errors: prefix(errors) };
}

function checkFramework(file: FrameworkFile, errors: string[]): FrameworkDef {
  if (!SLUG.test(file.code)) {
    errors.push(`kode "${file.code}" tidak valid: pakai huruf kecil, angka dan tanda hubung (contoh: spbe-2020)`);
  }
  if (file.validTo !== null && file.validFrom > file.validTo) {
    errors.push(`validFrom ${file.validFrom} lebih besar dari validTo ${file.validTo}`);
  }
  checkUnique(file.domains.map((d) => d.no), (no) => `nomor domain ${no} dipakai lebih dari sekali`, errors);
  checkUnique(file.aspects.map((a) => a.no), (no) => `nomor aspek ${no} dipakai lebih dari sekali`, errors);
  checkUnique(file.indicators.map((i) => i.no), (no) => `nomor indikator ${no} dipakai lebih dari sekali`, errors);

  const levelScales = checkLevelScales(file, errors);
  const predicates = checkPredicates(file.predicates, errors);

  const domains: DomainDef[] = file.domains.map((d) => ({
    no: d.no,
    name: d.name,
    weight: weightUnits(d.weight, `domain ${d.no}`, errors),
  }));
  const aspects: AspectDef[] = file.aspects.map((a) => ({
    no: a.no,
    name: a.name,
    domainNo: a.domain ?? null,
    weight: weightUnits(a.weight, `aspek ${a.no}`, errors),
  }));
  const indicators: IndicatorDef[] = file.indicators.map((i) => ({
    no: i.no,
    name: i.name,
    aspectNo: i.aspect,
    weight: weightUnits(i.weight, `indikator ${i.no}`, errors),
    scale: i.scale,
    evidenceExample: i.evidenceExample ?? null,
    criteria: i.criteria ?? [],
    guidingAgencies: i.guidingAgencies ?? [],
    owningFunctions: i.owningFunctions ?? [],
    externalIndex: i.externalIndex ? checkExternalIndex(i.externalIndex, `indikator ${i.no}`, errors) : null,
  }));
  const valueDecimals = file.valueDecimals ?? 0;
  checkDecimalValues(valueDecimals, indicators, predicates, errors);
  // Declared codes, valid or not: a scale with 4 names is already reported once, and must not
  // also make every indicator using it "unknown".
  checkTree(domains, aspects, indicators, new Set(file.levelScales.map((s) => s.code)), errors);

  const byNo = <T extends { no: number }>(a: T, b: T) => a.no - b.no;
  return {
    code: file.code,
    name: file.name,
    regulation: file.regulation,
    provisional: file.provisional,
    validFrom: file.validFrom,
    validTo: file.validTo,
    valueDecimals,
    citation: file.citation ?? null,
    notes: file.notes ?? [],
    unconfirmed: file.unconfirmed ?? [],
    levelScales,
    predicates,
    domains: domains.sort(byNo),
    aspects: aspects.sort(byNo),
    indicators: indicators.sort(byNo),
  };
}

function checkLevelScales(file: FrameworkFile, errors: string[]): LevelScale[] {
  checkUnique(file.levelScales.map((s) => s.code), (code) => `kode skala "${code}" dipakai lebih dari sekali`, errors);
  const scales: LevelScale[] = [];
  for (const { code, names } of file.levelScales) {
    const [n1, n2, n3, n4, n5] = names;
    if (names.length !== 5 || n1 === undefined || n2 === undefined || n3 === undefined || n4 === undefined || n5 === undefined) {
      errors.push(`skala "${code}": harus tepat 5 nama tingkat (tingkat 1 sampai 5), ada ${names.length}`);
      continue;
    }
    names.forEach((name, i) => {
      if (name.trim() === '') errors.push(`skala "${code}": nama tingkat ${i + 1} kosong`);
    });
    scales.push({ code, names: [n1, n2, n3, n4, n5] });
  }
  return scales;
}

/** Weight in hundredths of a percent; an invalid weight is reported and counted as NaN so sums skip it. */
function weightUnits(value: number, place: string, errors: string[]): number {
  const units = numberToScaled(value, 2);
  if (units === null) {
    errors.push(`${place}: bobot ${showNumber(value)} tidak valid, paling banyak 2 desimal`);
    return Number.NaN;
  }
  if (units <= 0) {
    errors.push(`${place}: bobot harus lebih dari 0, tertulis ${showNumber(value)}`);
    return Number.NaN;
  }
  return units;
}

function checkTree(
  domains: DomainDef[],
  aspects: AspectDef[],
  indicators: IndicatorDef[],
  scaleCodes: Set<string>,
  errors: string[],
): void {
  const domainNos = new Set(domains.map((d) => d.no));
  const aspectNos = new Set(aspects.map((a) => a.no));

  for (const a of aspects) {
    if (domains.length === 0) {
      if (a.domainNo !== null) errors.push(`aspek ${a.no}: domain ${a.domainNo} tidak ada (kerangka ini tanpa domain)`);
    } else if (a.domainNo === null) {
      errors.push(`aspek ${a.no}: domain wajib diisi karena kerangka ini memakai domain`);
    } else if (!domainNos.has(a.domainNo)) {
      errors.push(`aspek ${a.no}: domain ${a.domainNo} tidak ada`);
    }
  }
  for (const i of indicators) {
    if (!aspectNos.has(i.aspectNo)) errors.push(`indikator ${i.no}: aspek ${i.aspectNo} tidak ada`);
    if (!scaleCodes.has(i.scale)) errors.push(`indikator ${i.no}: skala "${i.scale}" tidak ada`);
  }

  checkSum(indicators.map((i) => i.weight), WEIGHT_TOTAL, (sum) => `jumlah bobot seluruh indikator ${sum}, seharusnya 100%`, errors);
  for (const a of aspects) {
    const parts = indicators.filter((i) => i.aspectNo === a.no).map((i) => i.weight);
    if (parts.length === 0) errors.push(`aspek ${a.no} tidak memiliki indikator`);
    else checkSum(parts, a.weight, (sum, want) => `bobot indikator aspek ${a.no} berjumlah ${sum}, seharusnya ${want}`, errors);
  }
  if (domains.length === 0) return;
  checkSum(domains.map((d) => d.weight), WEIGHT_TOTAL, (sum) => `jumlah bobot domain ${sum}, seharusnya 100%`, errors);
  for (const d of domains) {
    const parts = aspects.filter((a) => a.domainNo === d.no).map((a) => a.weight);
    if (parts.length === 0) errors.push(`domain ${d.no} tidak memiliki aspek`);
    else checkSum(parts, d.weight, (sum, want) => `bobot aspek domain ${d.no} berjumlah ${sum}, seharusnya ${want}`, errors);
  }
}

/** Skipped when a part is invalid (NaN): that weight already has its own error, a sum error would be noise. */
function checkSum(
  parts: number[],
  expected: number,
  message: (sum: string, expected: string) => string,
  errors: string[],
): void {
  if (Number.isNaN(expected) || parts.some(Number.isNaN)) return;
  const sum = parts.reduce((total, p) => total + p, 0);
  if (sum !== expected) errors.push(message(formatPercent(sum), formatPercent(expected)));
}

function checkUnique<T>(values: T[], message: (value: T) => string, errors: string[]): void {
  const seen = new Set<T>();
  const reported = new Set<T>();
  for (const v of values) {
    if (seen.has(v) && !reported.has(v)) {
      errors.push(message(v));
      reported.add(v);
    }
    seen.add(v);
  }
}

/** 950 → '9,50%', 1000 → '10%' */
function formatPercent(units: number): string {
  return `${formatDecimal(units, 2, units % 100 === 0 ? 0 : 2)}%`;
}
