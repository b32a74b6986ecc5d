/** Escapes user-supplied text for Telegram's HTML parse mode (unescaped input gives 400). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export const MESSAGE_LIMIT = 4096;

/**
 * Splits a long HTML answer under Telegram's 4096-character limit at line breaks, so no tag or
 * entity is cut (every line we build is self-contained).
 */
export function splitMessage(text: string, limit = MESSAGE_LIMIT): string[] {
  if (text.length <= limit) return [text];
  const parts: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current === '' ? line : `${current}\n${line}`;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    if (current !== '') parts.push(current);
    current = line.length <= limit ? line : line.slice(0, limit);
  }
  if (current !== '') parts.push(current);
  return parts;
}
