// The pure side of /pengingat: a change names the state wanted, only offered values pass, and
// "nothing changed" is judged as the store would see it.
import { describe, expect, it } from 'vitest';
import type { ReminderSettings } from '../../src/domain/reminder-settings.ts';
import { applyChange, DEFAULT_SETTINGS, parseSettings, sameSettings, serializeSettings } from '../../src/domain/reminder-settings.ts';

const defaults: ReminderSettings = parseSettings('{}');

describe('applyChange', () => {
  it('turns an offset off and on, kept sorted, and a repeated press changes nothing more', () => {
    const off = applyChange(defaults, { kind: 'offset', list: 'stageOffsets', days: 7, on: false })!;
    expect(off.stageOffsets).toEqual([3, 1, 0]);
    expect(applyChange(off, { kind: 'offset', list: 'stageOffsets', days: 7, on: false })).toEqual(off);
    const on = applyChange(off, { kind: 'offset', list: 'stageOffsets', days: 14, on: true })!;
    expect(on.stageOffsets).toEqual([14, 3, 1, 0]);
    expect(applyChange(defaults, { kind: 'offset', list: 'itemOffsets', days: 7, on: true })!.itemOffsets).toEqual([7, 3, 1]);
  });

  it('sets the switch, hour and digest day', () => {
    expect(applyChange(defaults, { kind: 'enabled', on: false })!.enabled).toBe(false);
    expect(applyChange(defaults, { kind: 'hour', hour: 9 })!.hour).toBe(9);
    expect(applyChange(defaults, { kind: 'digest', day: 5 })!.digestDay).toBe(5);
    expect(applyChange(defaults, { kind: 'digest', day: null })!.digestDay).toBeNull();
  });

  it('refuses values the message never offers (a forged button)', () => {
    expect(applyChange(defaults, { kind: 'offset', list: 'stageOffsets', days: 2, on: true })).toBeNull();
    expect(applyChange(defaults, { kind: 'offset', list: 'itemOffsets', days: 0, on: true })).toBeNull();
    expect(applyChange(defaults, { kind: 'hour', hour: 22 })).toBeNull();
    expect(applyChange(defaults, { kind: 'digest', day: 6 })).toBeNull();
    expect(applyChange(defaults, { kind: 'digest', day: 0 })).toBeNull();
  });

  it('leaves the settings it was given untouched', () => {
    const before = JSON.stringify(defaults);
    applyChange(defaults, { kind: 'offset', list: 'stageOffsets', days: 7, on: false });
    applyChange(defaults, { kind: 'hour', hour: 10 });
    expect(JSON.stringify(defaults)).toBe(before);
    expect(DEFAULT_SETTINGS.stageOffsets).toEqual([7, 3, 1, 0]);
  });
});

describe('sameSettings', () => {
  it('compares as stored: back to the default is the default again', () => {
    const off = applyChange(defaults, { kind: 'offset', list: 'stageOffsets', days: 7, on: false })!;
    const back = applyChange(off, { kind: 'offset', list: 'stageOffsets', days: 7, on: true })!;
    expect(sameSettings(off, defaults)).toBe(false);
    expect(sameSettings(back, defaults)).toBe(true);
    expect(serializeSettings(back)).toBe('{}');
  });
});
