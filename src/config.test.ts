import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

describe('parseConfig', () => {
  it('defaults to a SQLite file in the working folder, made absolute for every tool', () => {
    const config = parseConfig({}, '/srv/spbe-bot');
    expect(config).toMatchObject({ databaseUrl: 'file:/srv/spbe-bot/spbe-bot.db', botToken: undefined, port: 8080, logLevel: 'info' });
  });
  it('keeps absolute paths and ignores empty settings (as .env.example leaves them)', () => {
    const config = parseConfig({ DATABASE_URL: 'file:/data/x.db', BOT_TOKEN: '', WEBHOOK_URL: '' }, '/srv');
    expect(config.databaseUrl).toBe('file:/data/x.db');
    expect(config.botToken).toBeUndefined();
    expect(config.webhookUrl).toBeUndefined();
  });
  it('refuses bad values with a message naming the setting', () => {
    expect(() => parseConfig({ PORT: 'delapan' }, '/')).toThrow(ConfigError);
    expect(() => parseConfig({ PORT: '70000' }, '/')).toThrow(/PORT/);
    expect(() => parseConfig({ DATABASE_URL: 'postgres://x' }, '/')).toThrow(/DATABASE_URL PostgreSQL tidak valid/);
    expect(() => parseConfig({ DATABASE_URL: 'mysql://x/y' }, '/')).toThrow(/harus berupa file SQLite \(file:…\) atau PostgreSQL/);
    expect(() => parseConfig({ DATABASE_URL: 'postgresql://u:rahasia@db/x' }, '/')).not.toThrow();
    expect(parseConfig({ DATABASE_URL: 'postgresql://u:rahasia@db.example:5432/spbe' }, '/').databaseUrl).toBe('postgresql://u:rahasia@db.example:5432/spbe');
    expect(() => parseConfig({ TELEGRAM_API_ROOT: 'bukan url' }, '/')).toThrow(/TELEGRAM_API_ROOT/);
  });
  it('opens the dashboard at DASHBOARD_URL, or at an https webhook\'s /dasbor; only https, as Telegram requires', () => {
    expect(parseConfig({}, '/').dashboardUrl).toBeUndefined();
    expect(parseConfig({ WEBHOOK_URL: 'https://bot.example.go.id/telegram/hook' }, '/').dashboardUrl).toBe('https://bot.example.go.id/dasbor');
    expect(parseConfig({ WEBHOOK_URL: 'http://10.0.0.5:8080/telegram/hook' }, '/').dashboardUrl).toBeUndefined();
    expect(parseConfig({ DASHBOARD_URL: 'https://dasbor.example.go.id/dasbor' }, '/').dashboardUrl).toBe('https://dasbor.example.go.id/dasbor');
    expect(() => parseConfig({ DASHBOARD_URL: 'http://dasbor.example.go.id/dasbor' }, '/')).toThrow(/DASHBOARD_URL.*https/);
    expect(parseConfig({ DASHBOARD_APP_LINK: 'https://t.me/spbe_bot/dasbor' }, '/').dashboardAppLink).toBe('https://t.me/spbe_bot/dasbor');
    expect(() => parseConfig({ DASHBOARD_APP_LINK: 'https://evil.example/spbe_bot/dasbor' }, '/')).toThrow(/DASHBOARD_APP_LINK/);
  });
  it('accepts a webhook secret Telegram accepts: 1–256 of A–Z a–z 0–9 _ -', () => {
    expect(parseConfig({ WEBHOOK_SECRET: 'Rahasia_2024-abc' }, '/').webhookSecret).toBe('Rahasia_2024-abc');
    expect(parseConfig({ WEBHOOK_SECRET: 'a' }, '/').webhookSecret).toBe('a');
    expect(parseConfig({ WEBHOOK_SECRET: 'x'.repeat(256) }, '/').webhookSecret).toHaveLength(256);
  });
  it.each([
    ['a space', 'rahasia bot'],
    ['a dot', 'rahasia.bot'],
    ['base64 padding and plus', 'abc+def/ghi='],
    ['a letter outside ASCII', 'rahasiá'],
    ['257 characters', 'x'.repeat(257)],
  ])('refuses a webhook secret with %s, naming the setting and the rule but not the value', (_, secret) => {
    let message = '';
    try {
      parseConfig({ WEBHOOK_SECRET: secret }, '/');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Pengaturan tidak valid:\nWEBHOOK_SECRET: harus 1–256 karakter/);
    expect(message).toContain('A–Z/a–z, angka 0–9, garis bawah (_) dan tanda hubung (-)');
    expect(message).not.toContain(secret);
  });
});
