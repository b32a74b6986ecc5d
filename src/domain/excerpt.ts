// How much of someone's bad input a refusal quotes: enough to recognise it, never all of a 6 MB
// cell or of a 4 000-character argument (which would come back as several messages, or past
// Telegram's 4 096-character limit). Cut before escaping, so no entity is ever cut in half.
export const EXCERPT_MAX = 60;

/** The first `max` UTF-16 units of `text` (never half a surrogate pair), with "…" when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max).replace(/[\uD800-\uDBFF]$/, '').trimEnd()}…`;
}

/** `text` on one line (runs of white space as one space), clipped to `max` characters. */
export function excerpt(text: string, max = EXCERPT_MAX): string {
  // A 6 MB cell is flattened only as far as it can be shown.
  const head = text.length > max * 4 ? text.slice(0, max * 4) : text;
  const flat = head.replace(/\s+/g, ' ');
  return head.length < text.length ? clip(`${flat} `, Math.min(max, flat.length)) : clip(flat, max);
}
