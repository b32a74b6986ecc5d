// Rules for setting up a workspace (one instansi) that the CLI and the bot share.
import { parseDecimal } from './decimal.ts';
import type { IndexUnits } from './framework-types.ts';

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

export function isValidSlug(slug: string): boolean {
  return SLUG.test(slug);
}

/** "3,5", "3.50", "4" → index units (× 10 000); null unless 1 ≤ target ≤ 5 with ≤ 2 decimals. */
export function parseTargetIndex(text: string): IndexUnits | null {
  const hundredths = parseDecimal(text, 2);
  if (hundredths === null || hundredths < 100 || hundredths > 500) return null;
  return hundredths * 100;
}

export interface FrameworkPeriod {
  code: string;
  validFrom: number;
  validTo: number | null;
}

/**
 * The framework in force for an evaluation year: SPBE 59/2020 for 2021–2025, Pemdi 8/2026 from
 * 2026. Taken from the frameworks' own data (validFrom/validTo), so a new regulation is a new
 * file; when periods overlap, the one that started most recently wins.
 */
export function frameworkForYear<T extends FrameworkPeriod>(frameworks: readonly T[], year: number): T | null {
  const inForce = frameworks.filter((f) => f.validFrom <= year && (f.validTo === null || year <= f.validTo));
  return inForce.sort((a, b) => b.validFrom - a.validFrom)[0] ?? null;
}

/** Telegram user ids are positive integers of up to 52 bits; kept as bigint end to end. */
export function parseTelegramId(text: string): bigint | null {
  if (!/^\d{1,16}$/.test(text.trim())) return null;
  const id = BigInt(text.trim());
  return id > 0n && id < 2n ** 53n ? id : null;
}

/** An evaluation year as people type it: four digits, from the first SPBE evaluation (2018). */
export function parseYearText(text: string): number | null {
  const year = Number(text.trim());
  return /^\d{4}$/.test(text.trim()) && year >= 2018 && year <= 2100 ? year : null;
}
