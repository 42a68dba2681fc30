import { GraphQLScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema';

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
