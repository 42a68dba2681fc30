/** Mappers between Canopy Referencing JSON (`wire.ts`) and the gateway's types (`types.ts`). */
import { lenient, PayloadError, shown, toDate, toInteger, toNumber, toOptionalDate, toOptionalInteger } from '../normalise';
import type {
  CanopyAddress,
  CanopyBranch,
  CanopyIdentity,
  CanopyIncome,
  CanopyIncomeData,
  CanopyPassportNote,
  CanopyPassportNotes,
  CanopyReferencingInput,
  CanopyRentData,
  CanopyRentHistory,
  CanopyRentPassport,
} from './types';
import type {
  WireAddress,
  WireBranch,
  WireExternalNote,
  WireIdentity,
  WireIncome,
  WireNote,
  WireNotesResponse,
  WireReferencingRequest,
  WireRentData,
  WireRentPassportResponse,
  WireSetIncomeResponse,
  WireSetRentResponse,
} from './wire';

/** Pence the gateway can serve: Money.minorUnits is a SafeInt, so more would fail every answer that carries it. */
function servablePence(pence: number, pounds: unknown, field: string): number {
  if (!Number.isSafeInteger(pence)) throw new PayloadError(`${field}: ${shown(pounds)} pounds is too large to serve in pence`);
  return pence;
}

/** Canopy amounts are whole pounds; the gateway's are pence. */
export function poundsToPence(pounds: unknown, field: string): number {
  return servablePence(toInteger(pounds, field) * 100, pounds, field);
}

/** Whole pounds as pence where the docs promise them; any other number of pounds to the nearest penny, logged once. */
function lenientPounds(pounds: unknown, field: string): number | undefined {
  return lenient(pounds, field, poundsToPence, (value) => servablePence(Math.round(toNumber(value, field) * 100), value, field));
}

/** Pence to the whole pounds Canopy takes; refuses an amount with pence, which Canopy cannot carry. */
export function penceToWholePounds(pence: number, field: string): number {
  if (!Number.isSafeInteger(pence) || pence % 100 !== 0) {
    throw new RangeError(`${field}: Canopy takes whole pounds, got ${pence} pence`);
  }
  return pence / 100;
}

/** Drops undefined members, so optional fields are absent from the JSON rather than null. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as T;
}

/** The members of an open-shaped list that are JSON objects, the only kind the schema's JSONObject carries. */
function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function optional(value: string | null | undefined): string | undefined {
  return value === null || value === undefined ? undefined : value;
}

export function identityToWire(identity: CanopyIdentity): WireIdentity {
  return compact({ ...identity, addresses: identity.addresses.map((address) => compact<WireAddress>({ ...address })) });
}

export function identityFromWire(wire: WireIdentity): CanopyIdentity {
  return compact({
    ...wire,
    middleName: optional(wire.middleName),
    addresses: wire.addresses.map((address) => compact<CanopyAddress>({ ...address })),
  });
}

export function incomeToWire(income: CanopyIncome, index: number): WireIncome {
  const annualSalary = penceToWholePounds(income.annualSalary, `income[${index}].annualSalary`);
  return compact({ ...income, annualSalary, employment: compact({ ...income.employment }) }) as WireIncome;
}

export function incomeFromWire(wire: WireIncome, index: number): CanopyIncome {
  const annualSalary = poundsToPence(wire.annualSalary, `income[${index}].annualSalary`);
  return { ...wire, annualSalary } as CanopyIncome;
}

export function incomeDataFromWire(data: WireSetIncomeResponse['data']): CanopyIncomeData {
  return { clientId: data.clientId, email: data.email, income: data.income.map(incomeFromWire) };
}

export function rentToWire(history: CanopyRentHistory): WireRentData {
  return compact({
    homeowner: history.homeowner,
    rentsDuringLastYear: history.rentsDuringLastYear,
    rents: history.rents?.map((rent, i) => ({
      ...rent,
      rentPaymentAmount: penceToWholePounds(rent.rentPaymentAmount, `rents[${i}].rentPaymentAmount`),
    })),
  });
}

export function rentDataFromWire(data: WireSetRentResponse['data']): CanopyRentData {
  const { rentData } = data;
  return compact({
    clientId: data.clientId,
    email: data.email,
    homeowner: rentData.homeowner,
    rentsDuringLastYear: rentData.rentsDuringLastYear,
    rents: rentData.rents?.map((rent, i) => ({
      ...rent,
      rentPaymentAmount: poundsToPence(rent.rentPaymentAmount, `rents[${i}].rentPaymentAmount`),
    })),
  });
}

export function branchFromWire(wire: WireBranch): CanopyBranch {
  const address = wire.branchAddress;
  return compact({
    canopyBranchId: wire.canopyBranchId,
    clientBranchId: optional(wire.clientBranchId),
    branchName: wire.branchName,
    branchAddress: compact({
      id: address.id,
      line1: optional(address.line1),
      line2: optional(address.line2),
      line3: optional(address.line3),
      street: optional(address.street),
      town: optional(address.town),
      postCode: optional(address.postCode),
      countryCode: optional(address.countryCode),
      flat: optional(address.flat),
      district: optional(address.district),
      houseNumber: optional(address.houseNumber),
      houseName: optional(address.houseName),
    }),
  });
}

export function referencingToWire(input: CanopyReferencingInput): WireReferencingRequest {
  return compact({ ...input });
}

function noteFromWire(note: WireNote, field: string): CanopyPassportNote {
  return { message: note.message, createdAt: toDate(note.createdAt, field) };
}

function externalNotesFromWire(notes: Record<string, { EXTERNAL: WireExternalNote }>): CanopyRentPassport['externalNotes'] {
  const read: CanopyRentPassport['externalNotes'] = {};
  for (const [section, { EXTERNAL: note }] of Object.entries(notes)) {
    if (note.message !== null && note.createdAt !== null) {
      read[section] = { message: note.message, createdAt: toDate(note.createdAt, `notes.${section}.EXTERNAL.createdAt`) };
    }
  }
  return read;
}

export function rentPassportFromWire(response: WireRentPassportResponse): CanopyRentPassport {
  const { rentPassport: passport, guarantors, guaranteedRenters, identityVerification, rightToRent } = response.data;
  const { statuses, connection, user } = passport;
  return compact({
    requestId: response.requestId,
    ready: statuses.overall.ready,
    overallStatus: statuses.overall.status,
    instant: compact({
      income: optional(statuses.instant.income),
      savings: optional(statuses.instant.savings),
      creditCheck: optional(statuses.instant.creditCheck),
      rent: optional(statuses.instant.rent),
      overall: statuses.instant.overall,
    }),
    full: { ...statuses.full },
    monthlyRentAffordability: lenientPounds(passport.monthlyRentAffordability, 'rentPassport.monthlyRentAffordability'),
    incomeMonthlyRentAffordability: lenientPounds(passport.incomeMonthlyRentAffordability, 'rentPassport.incomeMonthlyRentAffordability'),
    savingsMonthlyRentAffordability: lenientPounds(passport.savingsMonthlyRentAffordability, 'rentPassport.savingsMonthlyRentAffordability'),
    identityStatus: user.identity.status,
    personal: {
      identity: user.identity.data,
      addressHistory: user.addressHistory.data.filter(isObject),
      financialSummary: user.financialSummary,
    },
    addressHistoryStatus: user.addressHistory.status,
    creditIndicator: user.creditIndicator,
    creditScore: lenient(user.creditScore, 'rentPassport.user.creditScore', toOptionalInteger, (value, field) => Math.round(toNumber(value, field))),
    dateChecked: lenient(user.dateChecked, 'rentPassport.user.dateChecked', toOptionalDate),
    highRiskSummary: passport.highRiskSummary ?? {},
    considerSummary: passport.considerSummary ?? {},
    canRequestGuarantor: passport.canRequestGuarantor,
    guarantorRequest: passport.guarantorRequest
      ? { ...passport.guarantorRequest, createdAt: toDate(passport.guarantorRequest.createdAt, 'guarantorRequest.createdAt') }
      : undefined,
    externalNotes: externalNotesFromWire(passport.notes),
    isGuarantor: passport.isGuarantor,
    isFavourite: passport.isFavourite,
    connection: compact({
      ...connection,
      createdAt: toDate(connection.createdAt, 'connection.createdAt'),
      moveFrom: toOptionalDate(connection.moveFrom, 'connection.moveFrom'),
      moveTo: toOptionalDate(connection.moveTo, 'connection.moveTo'),
    }),
    guarantors: { ...guarantors },
    guaranteedRenterCount: guaranteedRenters.count,
    guaranteedRenters: guaranteedRenters.items.filter(isObject),
    identityVerification: identityVerification
      ? compact({
          status: identityVerification.status,
          additionalInfo: optional(identityVerification.additionalInfo),
          updatedAt: toDate(identityVerification.updatedAt, 'identityVerification.updatedAt'),
        })
      : undefined,
    rightToRent: rightToRent
      ? compact({
          type: rightToRent.type,
          status: rightToRent.status,
          requestId: rightToRent.requestId,
          documentType: rightToRent.data.documentType,
          typeOfProof: rightToRent.data.metadata.typeOfProof,
          shareCode: optional(rightToRent.data.metadata.rtrSharecode),
          idnowIdentId: optional(rightToRent.data.metadata.idnowIdentID),
          documents: rightToRent.data.documents.filter(isObject),
          verifiedBy: optional(rightToRent.data.verifiedBy),
          country: optional(rightToRent.data.country),
          expirationDate: toOptionalDate(rightToRent.data.expirationDate, 'rightToRent.data.expirationDate'),
          tenancyEndDate: toOptionalDate(rightToRent.data.tenancyEndDate, 'rightToRent.data.tenancyEndDate'),
        })
      : undefined,
  });
}

export function notesFromWire(wire: WireNotesResponse): CanopyPassportNotes {
  return {
    renter: { ...wire.userDetails },
    sections: Object.entries(wire.sections).map(([section, notes]) => {
      if (!notes) throw new PayloadError(`sections.${section}: expected an object`);
      return {
        section,
        agentNotes: notes.agentNotes.map((note, i) => noteFromWire(note, `sections.${section}.agentNotes[${i}].createdAt`)),
        reportNotes: notes.reportNotes.map((note, i) => noteFromWire(note, `sections.${section}.reportNotes[${i}].createdAt`)),
      };
    }),
  };
}

/** The document id at the end of a `/referencing-requests/client/:clientId/documents/:documentId` URL. */
export function documentIdFromUrl(url: string, field: string): string {
  const match = /\/documents\/([^/?#]+)\/?(?:[?#].*)?$/.exec(url);
  if (!match?.[1]) throw new PayloadError(`${field}: expected a document URL, got ${shown(url)}`);
  try {
    return decodeURIComponent(match[1]);
  } catch {
    throw new PayloadError(`${field}: the document id has a malformed %-escape`);
  }
}

/** The file name of `attachment; filename='x.pdf'`: Canopy quotes it with single quotes. */
export function filenameFromDisposition(disposition: string | undefined): string | undefined {
  if (!disposition) return undefined;
  const match = /filename\*?=(?:UTF-8'')?(?:'([^']*)'|"([^"]*)"|([^;\s]+))/i.exec(disposition);
  const name = match?.[1] ?? match?.[2] ?? match?.[3];
  return name === undefined ? undefined : decodeURIComponent(name);
}
