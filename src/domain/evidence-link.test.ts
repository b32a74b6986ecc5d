import { describe, expect, it } from 'vitest';
import { evidenceLinkIn, LINK_MAX_LENGTH } from './evidence-link.ts';

describe('the link in what a person typed', () => {
  it('is the first http(s) address, whatever the case of its scheme, ending at a space', () => {
    expect(evidenceLinkIn('tautan: https://jdih.paser.go.id/perbup-12 (final)')?.url).toBe('https://jdih.paser.go.id/perbup-12');
    expect(evidenceLinkIn('HTTPS://JDIH.PASER.GO.ID/A')?.url).toBe('HTTPS://JDIH.PASER.GO.ID/A');
    expect(evidenceLinkIn('https://x.example/a?b=<c>&d=1 ok')?.url).toBe('https://x.example/a?b=<c>&d=1');
  });

  it('stops at a control character (a NUL cannot be stored on PostgreSQL)', () => {
    expect(evidenceLinkIn('https://a.go.id/x\u0000y')?.url).toBe('https://a.go.id/x');
    expect(evidenceLinkIn('https://a.go.id/x\u001b[31m')?.url).toBe('https://a.go.id/x');
  });

  it('is none when there is no address, no host, or one too long to keep whole (not cut into a broken link)', () => {
    expect(evidenceLinkIn('lihat di drive')).toBeNull();
    expect(evidenceLinkIn('https://)')).toBeNull();
    expect(evidenceLinkIn('https://')).toBeNull();
    const long = `https://a.go.id/${'x'.repeat(LINK_MAX_LENGTH)}`;
    expect(evidenceLinkIn(long)).toBeNull();
    const fits = `https://a.go.id/${'x'.repeat(LINK_MAX_LENGTH - 16)}`;
    expect(evidenceLinkIn(fits)?.url).toBe(fits);
  });

  it('names the evidence by the address, shortened to 200 characters', () => {
    const url = `https://a.go.id/${'x'.repeat(300)}`;
    expect(evidenceLinkIn(url)).toEqual({ url, name: url.slice(0, 200) });
  });
});
