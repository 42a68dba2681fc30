import { describe, expect, it } from 'vitest';
import { compareEventIds } from '../../src/subscriptions/event-log';

describe('compareEventIds', () => {
  it('orders by milliseconds, then by sequence, as numbers rather than text', () => {
    const ids = ['1700000000000-10', '999-5', '1700000000000-9', '1700000000001-0', '1700000000000-0'];
    expect([...ids].sort(compareEventIds)).toEqual(['999-5', '1700000000000-0', '1700000000000-9', '1700000000000-10', '1700000000001-0']);
  });

  it('reads an id with no sequence as sequence 0, and leading zeros as the same number', () => {
    expect(compareEventIds('1700000000000', '1700000000000-0')).toBe(0);
    expect(compareEventIds('1700000000000', '1700000000000-1')).toBeLessThan(0);
    expect(compareEventIds('01700000000000-02', '1700000000000-2')).toBe(0);
  });

  it('is antisymmetric', () => {
    expect(compareEventIds('5-1', '4-9')).toBeGreaterThan(0);
    expect(compareEventIds('4-9', '5-1')).toBeLessThan(0);
  });
});
