import { describe, expect, it } from 'vitest';
import { encodePath, fillRoute, PathParameterError } from '../../src/sources/http';

describe('encodePath', () => {
  it('encodes each value as one segment', () => {
    expect(encodePath`/accounts/${'a/b?c#d'}/line_items`).toBe('/accounts/a%2Fb%3Fc%23d/line_items');
    expect(encodePath`/x/${'😀'}`).toBe('/x/%F0%9F%98%80');
  });

  it.each(['', '.', '..', '\ud800', 'a\udfffb'])('refuses %j, which would change the path or has no encoding', (value) => {
    expect(() => encodePath`/accounts/${value}`).toThrow(PathParameterError);
  });
});

describe('fillRoute', () => {
  it('fills each :name as encodePath encodes a value, and keeps the template', () => {
    expect(fillRoute('/client/:clientId/documents/:documentId', { clientId: 'c 1', documentId: 'a/b' })).toEqual({
      path: '/client/c%201/documents/a%2Fb',
      route: '/client/:clientId/documents/:documentId',
    });
  });

  it.each(['', '.', '..', '\ud800'])('refuses %j as encodePath does', (value) => {
    expect(() => fillRoute('/documents/:documentId', { documentId: value })).toThrow(PathParameterError);
  });
});
