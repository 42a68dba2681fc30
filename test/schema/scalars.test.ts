import { GraphQLScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema';
import { isoDateTime } from '../../src/schema/iso-date-time';

const dateTime = schema.getType('DateTime') as GraphQLScalarType;

describe('DateTime', () => {
  it('writes the RFC 3339 string itself, so a result holds no Date for JSON.stringify to convert', () => {
    const serialized = dateTime.serialize(new Date('2026-03-01T09:30:00.000Z'));
    expect(serialized).toBe('2026-03-01T09:30:00.000Z');
  });

  it('keeps graphql-scalars’ checks of what it is given', () => {
    expect(dateTime.serialize('2026-03-01T10:30:00+01:00')).toBe('2026-03-01T09:30:00.000Z');
    expect(() => dateTime.serialize(new Date('not a date'))).toThrow(/invalid Date/);
    expect(dateTime.parseValue('2026-03-01T09:30:00Z')).toEqual(new Date('2026-03-01T09:30:00Z'));
  });
});

describe('isoDateTime', () => {
  it('writes what toISOString writes, at the edges of its fast range and outside it', () => {
    const edges = [0, -1, 1, 951_782_400_000, 951_868_799_999, 1_700_000_000_123, Date.UTC(1000, 0, 1), Date.UTC(1000, 0, 1) - 1, Date.UTC(9999, 11, 31, 23, 59, 59, 999), Date.UTC(9999, 11, 31, 23, 59, 59, 999) + 1, -8.64e15, 8.64e15];
    for (const time of edges) expect(isoDateTime(new Date(time))).toBe(new Date(time).toISOString());
  });

  it('writes what toISOString writes for any instant of years 1000 to 9999', () => {
    const low = Date.UTC(1000, 0, 1);
    const high = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    // A stride of about 329 days that is no round number of seconds, minutes or days: every part varies.
    for (let time = low; time <= high; time += 28_403_030_017) {
      const date = new Date(time);
      expect(isoDateTime(date)).toBe(date.toISOString());
    }
  });

  it('throws as toISOString does on an invalid date', () => {
    expect(() => isoDateTime(new Date(Number.NaN))).toThrow(RangeError);
  });
});
