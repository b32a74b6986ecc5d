// Which other agencies' index values an evaluation still waits for (Pemdi 8/2026 Pasal 7: some
// indicators take their value from SDI, SJIG, EPSS; 10–12 refer to IKASANDI). Until they arrive
// the assessors hold those indicators at 1,00, so the team must know what is outstanding.
import type { FrameworkDef } from './framework-types.ts';

export interface MissingExternal {
  code: string;
  name: string;
  agency: string;
  indicatorNos: number[];
  /** false for a reference-only index: its value is shown, the indicator is still scored by hand */
  derives: boolean;
}

/** Per index (SDI, SJIG, …) the indicators whose external value has not been recorded yet. */
export function missingExternalIndices(fw: Pick<FrameworkDef, 'indicators'>, recorded: ReadonlySet<number>): MissingExternal[] {
  const byCode = new Map<string, MissingExternal>();
  for (const indicator of fw.indicators) {
    const ext = indicator.externalIndex;
    if (!ext || recorded.has(indicator.no)) continue;
    const entry = byCode.get(ext.code) ?? { code: ext.code, name: ext.name, agency: ext.agency, indicatorNos: [], derives: ext.derive !== null };
    entry.indicatorNos.push(indicator.no);
    byCode.set(ext.code, entry);
  }
  return [...byCode.values()];
}

/** "menunggu nilai SDI dari Bappenas (indikator 5)" */
export function waitingText(m: MissingExternal): string {
  const nos = m.indicatorNos.length === 1 ? `indikator ${m.indicatorNos[0]}` : `indikator ${m.indicatorNos.join(', ')}`;
  return `menunggu nilai ${m.code} dari ${m.agency} (${nos}${m.derives ? '' : ', rujukan'})`;
}
