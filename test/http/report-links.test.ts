import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createReportLinks } from '../../src/http/report-links';

const KEY = 'report-links-test-key';
const ORIGIN = 'https://gw.example.com';
const links = createReportLinks({ publicUrl: ORIGIN, key: KEY });

describe('report links', () => {
  it('name the issuing agency in the path, and verify to it with what they fetch', async () => {
    const document = new URL(await links.canopyDocumentUrl('north', 'doc-1'));
    const intermediate = new URL(await links.canopyIntermediateReportUrl('south', 'ref-1'));
    expect(document.pathname).toBe('/reports/canopy/north/doc-1');
    expect(intermediate.pathname).toBe('/reports/canopy/south/rent-passport/ref-1');
    expect(await links.verify(document)).toEqual({ agencyId: 'north', kind: 'document', documentId: 'doc-1' });
    expect(await links.verify(intermediate)).toEqual({ agencyId: 'south', kind: 'intermediate', canopyReferenceId: 'ref-1' });
  });

  it('keep ids that look like path segments whole', async () => {
    for (const id of ['rent-passport', 'rent-passport/x', '../north/doc', 'a b{c}é']) {
      expect(await links.verify(new URL(await links.canopyDocumentUrl('north', id)))).toEqual({ agencyId: 'north', kind: 'document', documentId: id });
    }
  });

  it('cannot be re-pointed at another agency, kind or id', async () => {
    const signed = new URL(await links.canopyDocumentUrl('north', 'doc-1'));
    for (const pathname of ['/reports/canopy/south/doc-1', '/reports/canopy/north/rent-passport/doc-1', '/reports/canopy/north/doc-2', '/reports/canopy/doc-1']) {
      const edited = new URL(signed);
      edited.pathname = pathname;
      expect(await links.verify(edited), pathname).toBeUndefined();
    }
  });

  it('refuse a link signed with another key, or as links were signed before they named the agency', async () => {
    const other = createReportLinks({ publicUrl: ORIGIN, key: 'another-key' });
    expect(await links.verify(new URL(await other.canopyDocumentUrl('north', 'doc-1')))).toBeUndefined();

    // The path before it named the agency, signed as it was then: `rent-passport` would read as one.
    const path = '/reports/canopy/rent-passport/ref-1';
    const expires = Math.floor(Date.now() / 1000) + 900;
    const signature = createHmac('sha256', KEY).update(`${path}\n${expires}`).digest('base64url');
    expect(await links.verify(new URL(`${ORIGIN}${path}?expires=${expires}&signature=${signature}`))).toBeUndefined();
  });

  it('work until they expire, and not after', async () => {
    let now = 1_700_000_000_500;
    const timed = createReportLinks({ publicUrl: ORIGIN, key: KEY, ttlSeconds: 60, now: () => now });
    const url = new URL(await timed.canopyDocumentUrl('north', 'doc-1'));
    now += 59_000;
    expect(await timed.verify(url)).toMatchObject({ agencyId: 'north' });
    now += 2_000;
    expect(await timed.verify(url)).toBeUndefined();
  });

  it('are not made for an agency id that is not one, naming the rule', async () => {
    for (const agencyId of ['', 'North', 'north/rent-passport', '..']) {
      await expect(links.canopyDocumentUrl(agencyId, 'doc-1')).rejects.toThrow(`report links: agency id ${JSON.stringify(agencyId)} is not ^[a-z0-9-]{1,63}$`);
    }
  });
});
