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
    expect(() => parseConfig({ DATABASE_URL: 'postgres://x' }, '/')).toThrow(/harus berupa file SQLite/);
    expect(() => parseConfig({ TELEGRAM_API_ROOT: 'bukan url' }, '/')).toThrow(/TELEGRAM_API_ROOT/);
  });
});
