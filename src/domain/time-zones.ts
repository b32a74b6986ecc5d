// Indonesia's three civil time zones. Users and regulations speak of WIB/WITA/WIT, while Intl
// needs IANA names, so this module translates between the two vocabularies.

export type ZoneLabel = 'WIB' | 'WITA' | 'WIT';

/** The canonical IANA zone stored for each label. */
export const INDONESIAN_TIME_ZONES = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
} as const satisfies Record<ZoneLabel, string>;

// Pontianak (West Kalimantan) is a separate IANA zone only for historical reasons; today it
// keeps WIB, and a region configured with it should keep its own name.
const LABEL_BY_IANA: ReadonlyMap<string, ZoneLabel> = new Map([
  ['Asia/Jakarta', 'WIB'],
  ['Asia/Pontianak', 'WIB'],
  ['Asia/Makassar', 'WITA'],
  ['Asia/Jayapura', 'WIT'],
]);

/** IANA zone → 'WIB' | 'WITA' | 'WIT'. Throws RangeError for a zone outside Indonesia. */
export function zoneLabel(tz: string): ZoneLabel {
  const label = LABEL_BY_IANA.get(tz);
  if (label === undefined) throw new RangeError(`Not an Indonesian time zone: ${tz}`);
  return label;
}

/**
 * What a user or config file wrote ('WIB', 'wita', 'Asia/Jayapura', …) → IANA zone name,
 * or null when it is not one of Indonesia's zones.
 */
export function parseTimeZone(input: string): string | null {
  const wanted = input.trim().toLowerCase();
  for (const [label, iana] of Object.entries(INDONESIAN_TIME_ZONES)) {
    if (label.toLowerCase() === wanted) return iana;
  }
  // Case-insensitive so a hand-edited 'asia/jakarta' still works, but return IANA's spelling
  // because Intl and other systems may be stricter.
  for (const iana of LABEL_BY_IANA.keys()) {
    if (iana.toLowerCase() === wanted) return iana;
  }
  return null;
}
