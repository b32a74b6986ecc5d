// A link as evidence (issue 14): the first http(s) address in what a person typed, the chat's rule
// since it accepted links; the dashboard's form uses the same one. Null: no address there.
export const LINK_MAX_LENGTH = 1000;
const NAME_MAX_LENGTH = 200;

export function evidenceLinkIn(text: string): { url: string; name: string } | null {
  const url = /https?:\/\/\S+/.exec(text)?.[0];
  return url ? { url: url.slice(0, LINK_MAX_LENGTH), name: url.slice(0, NAME_MAX_LENGTH) } : null;
}
