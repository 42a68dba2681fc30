import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { seededCanopyReferenceId } from '../../src/sandbox/canopy-referencing/seed';
import type { WireRentPassportResponse } from '../../src/sources/canopy-referencing/wire';
import { useGateway, type TestGateway } from '../helpers/gateway';

const AMARA = 'amara.okafor@example.com';
const PASSPORT = /* GraphQL */ `
  query ($id: ID!) {
    referencingRequest(canopyReferenceId: $id) {
      rentPassport {
        ready
        monthlyRentAffordability { minorUnits decimal }
        incomeMonthlyRentAffordability { minorUnits }
        savingsMonthlyRentAffordability { minorUnits }
        creditScore
        dateChecked
      }
    }
  }
`;

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await useGateway();
});
afterAll(() => gateway.close());
afterEach(() => {
  gateway.sandbox.simulators.canopyReferencing.state.passportQuirk = undefined;
  vi.restoreAllMocks();
});

function canopySends(edit: (passport: WireRentPassportResponse['data']['rentPassport']) => void): void {
  gateway.sandbox.simulators.canopyReferencing.state.passportQuirk = (answer) => edit(answer.data.rentPassport);
}

it('reads a fractional affordability as the pence it says, and an unreadable one as null, keeping the rest of the passport', async () => {
  canopySends((passport) => {
    passport.monthlyRentAffordability = '1234.5';
    passport.incomeMonthlyRentAffordability = 'n/a';
    (passport as { savingsMonthlyRentAffordability: unknown }).savingsMonthlyRentAffordability = '12.345';
    (passport.user as { creditScore: unknown }).creditScore = '812.6';
    passport.user.dateChecked = 'yesterday';
  });

  for (let ask = 0; ask < 2; ask++) {
    const { data, errors } = await gateway.graphql(PASSPORT, { id: seededCanopyReferenceId(AMARA) });
    expect(errors).toBeUndefined();
    expect(data?.referencingRequest.rentPassport).toEqual({
      ready: true,
      monthlyRentAffordability: { minorUnits: 123_450, decimal: '1234.50' },
      incomeMonthlyRentAffordability: null,
      savingsMonthlyRentAffordability: { minorUnits: 1235 },
      creditScore: 813,
      dateChecked: null,
    });
  }

  // Once per field, however many answers carry it; the field is named, its value is not.
  const lines = gateway.logRecords().filter((line) => line.component === 'vendor payload' && line.level === 'warn').map((line) => String(line.msg));
  for (const field of ['monthlyRentAffordability', 'incomeMonthlyRentAffordability', 'savingsMonthlyRentAffordability', 'creditScore', 'dateChecked']) {
    expect(lines.filter((line) => line.includes(`.${field} `))).toHaveLength(1);
  }
  expect(lines.join('\n')).not.toMatch(/1234\.5|n\/a|yesterday/);
});
