import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';

describe('the question log settings', () => {
  it('record questions without their askers for 90 days when nothing is set', () => {
    const parsed = parseConfig({});
    expect(parsed.ok && parsed.config.questionLog).toEqual({
      record: true,
      askers: false,
      retentionDays: 90,
    });
  });

  it('read RECORD_MISSES, RECORD_ASKERS and MISSES_RETENTION_DAYS', () => {
    const parsed = parseConfig({
      RECORD_MISSES: 'false',
      RECORD_ASKERS: 'yes',
      MISSES_RETENTION_DAYS: '30',
    });
    expect(parsed.ok && parsed.config.questionLog).toEqual({
      record: false,
      askers: true,
      retentionDays: 30,
    });
  });

  it('name each variable that is wrong, and why', () => {
    const parsed = parseConfig({
      RECORD_MISSES: 'sometimes',
      MISSES_RETENTION_DAYS: '0',
    });
    expect(parsed.ok ? [] : parsed.errors).toEqual([
      'RECORD_MISSES must be true or false',
      'MISSES_RETENTION_DAYS must be at least 1',
    ]);
  });
});
