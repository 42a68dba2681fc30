/** Parts of the Rent Passport answer whose members Canopy's docs leave open: the sandbox fills them its own way. */
import type { WireRentPassportResponse } from '../../sources/canopy-referencing/wire';
import { stableUuid } from './ids';
import { sectionStatus } from './lifecycle';
import type { CanopyReferencingState, ReferencingRecord } from './state';

/** Canopy's docs give the summary as an object without naming its members: the sandbox's are its own. */
export function financialSummary(record: ReferencingRecord): Record<string, unknown> {
  if (sectionStatus(record, 'INCOME') !== 'DONE') return {};
  return { currency: 'GBP', annualIncome: record.annualSalary, monthlyIncome: Math.floor(record.annualSalary / 12), incomeVerified: true };
}

/** The renters whose guarantor this request's person is, as the guarantor's passport lists them. */
export function guaranteedRenters(state: CanopyReferencingState, record: ReferencingRecord): Array<Record<string, unknown>> {
  if (record.requestType !== 'GUARANTOR_SCREENING') return [];
  const email = record.email.toLowerCase();
  return [...state.requests.values()]
    .filter((renter) => renter.guarantor?.email.toLowerCase() === email)
    .map((renter) => ({
      canopyReferenceId: renter.canopyReferenceId,
      email: renter.email,
      firstName: renter.firstName,
      lastName: renter.lastName,
      status: renter.guarantor?.status,
    }));
}

/** The right-to-rent check's data; once done, the share code checked, by whom, and the check's record. */
export function rightToRentData(record: ReferencingRecord): NonNullable<WireRentPassportResponse['data']['rightToRent']>['data'] {
  const done = sectionStatus(record, 'RTR_VERIFICATION') === 'DONE';
  const identified = record.identityVerification && sectionStatus(record, 'IDENTITY_VERIFICATION') === 'DONE';
  const shareCode = done ? stableUuid('share-code', record.canopyReferenceId).replace(/-/g, '').slice(0, 9).toUpperCase() : null;
  return {
    country: null,
    metadata: {
      typeOfProof: 'other',
      idnowIdentID: identified ? `IDN-${stableUuid('idnow', record.canopyReferenceId).slice(0, 8).toUpperCase()}` : null,
      rtrSharecode: shareCode,
    },
    documents: done ? [{ type: 'SHARE_CODE_CHECK', name: `right-to-rent-${shareCode}.pdf`, createdAt: record.updatedAt.toISOString() }] : [],
    verifiedBy: done ? 'Canopy Compliance' : null,
    documentType: 'other',
    expirationDate: null,
    tenancyEndDate: null,
  };
}
