// Turns zod's structural issues on a framework data file into Indonesian messages that name the
// place the way a person editing the JSON looks for it ("indikator 12, kolom weight"), rather than
// zod's path notation (indicators.11.weight).

import type { z } from 'zod';

const SECTIONS: Record<string, string> = {
  domains: 'domain',
  aspects: 'aspek',
  indicators: 'indikator',
  predicates: 'predikat',
  levelScales: 'skala',
};

const TYPE_NAMES: Record<string, string> = {
  number: 'angka',
  int: 'bilangan bulat',
  string: 'teks',
  boolean: 'true atau false',
  array: 'daftar [...]',
  object: 'objek {...}',
};

/** Names the place the way a person editing the file looks for it: "indikator 12, kolom weight". */
export function describeIssue(raw: unknown, issue: z.core.$ZodIssue): string {
  const [section, index, ...rest] = issue.path;
  let place = 'berkas';
  if (typeof section === 'string' && typeof index === 'number' && section in SECTIONS) {
    const item = valueAt(raw, [section, index]);
    const no = valueAt(item, ['no']);
    const key = valueAt(item, [section === 'predicates' ? 'name' : 'code']);
    const label = SECTIONS[section] ?? section;
    place =
      typeof no === 'number' && section !== 'predicates' && section !== 'levelScales'
        ? `${label} ${no}`
        : typeof key === 'string' && (section === 'predicates' || section === 'levelScales')
          ? `${label} "${key}"`
          : `${label} urutan ke-${index + 1}`;
    if (rest.length > 0) place += `, kolom ${rest.map(String).join('.')}`;
  } else if (issue.path.length > 0) {
    place = `kolom ${issue.path.map(String).join('.')}`;
  }
  return `${place}: ${issueMessage(issue, valueAt(raw, issue.path))}`;
}

function issueMessage(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'wajib diisi';
      return `harus berupa ${TYPE_NAMES[issue.expected] ?? issue.expected}, tertulis ${JSON.stringify(value)}`;
    case 'too_small':
      if (issue.origin === 'array') return `minimal ${issue.minimum} butir`;
      if (issue.origin === 'number') return `harus ${issue.inclusive ? 'minimal' : 'lebih dari'} ${issue.minimum}`;
      return issue.message;
    case 'unrecognized_keys':
      return `kunci tidak dikenal: ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    default:
      return issue.message;
  }
}

/** The value at a zod issue's path in the raw parsed JSON (undefined when the path runs out). */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
