import { describe, expect, it } from 'vitest';
import { encodePath, PathParameterError } from '../../src/sources/http';

describe('encodePath', () => {
  it('encodes each value as one segment', () => {
    expect(encodePath`/accounts/${'a/b?c#d'}/line_items`).toBe('/accounts/a%2Fb%3Fc%23d/line_items');
    expect(encodePath`/x/${'😀'}`).toBe('/x/%F0%9F%98%80');
  });

  it.each(['', '.', '..', '\ud800', 'a\udfffb'])('refuses %j, which would change the path or has no encoding', (value) => {
    expect(() => encodePath`/accounts/${value}`).toThrow(PathParameterError);
  });
});
