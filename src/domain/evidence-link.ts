// A link as evidence (issue 14): the first http(s) address in what a person typed, the chat's rule
// since it accepted links; the dashboard's form uses the same one. Null: no address there.
export const LINK_MAX_LENGTH = 1000;
const NAME_MAX_LENGTH = 200;

export function evidenceLinkIn(text: string): { url: string; name: string } | null {
  // An address ends at a space or a control character; any case of the scheme (HTTPS://). One
  // longer than LINK_MAX_LENGTH is refused, not cut into a broken link. (Quotes and brackets stay:
  // pasted addresses carry them, and every view escapes them.)
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const url = /https?:\/\/[^\s\u0000-\u001f\u007f]+/i.exec(text)?.[0];
  if (!url || url.length > LINK_MAX_LENGTH || /^https?:\/\/[^\w]/i.test(url)) return null;
  return { url, name: url.slice(0, NAME_MAX_LENGTH) };
}
