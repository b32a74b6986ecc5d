// How an indicator's value reads, for the chat and the dashboard alike: the level's name from the
// framework's scale, and for Pemdi the band of a decimal value ("1,26 (Merintis · Kurang)").
import type { FrameworkDef, IndicatorDef } from './framework-types.ts';
import { bandOfValue, formatValue, isDecimalFramework, levelOfValue } from './values.ts';

export function levelName(fw: FrameworkDef, indicator: IndicatorDef, level: number): string {
  return fw.levelScales.find((s) => s.code === indicator.scale)?.names[level - 1] ?? String(level);
}

/** "1,26 (Merintis · Kurang)" for Pemdi; "3 (Terdefinisi)" for SPBE. */
export function valueWithBand(fw: FrameworkDef, indicator: IndicatorDef, value: number): string {
  const name = levelName(fw, indicator, levelOfValue(fw, value));
  const band = isDecimalFramework(fw) ? bandOfValue(fw, value) : null;
  return band ? `${formatValue(fw, value)} (${name} · ${band.name})` : `${formatValue(fw, value)} (${name})`;
}
