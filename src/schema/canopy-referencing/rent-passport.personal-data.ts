import type { CanopyRentPassport } from '../../sources/canopy-referencing/types';
import { builder } from '../builder';

/**
 * The passport's personal data, apart from the rest so that one scope on `RentPassport.personalData`
 * guards all of it. Canopy's docs give these as an object and lists of objects without naming
 * their members, so they are passed on as Canopy sends them.
 */
export const PassportPersonalData = builder.objectRef<CanopyRentPassport['personal']>('PassportPersonalData').implement({
  description: 'The renter’s personal data as the Rent Passport holds it: identity, address history and financial summary.',
  fields: (t) => ({
    identity: t.field({
      type: 'JSONObject',
      description: 'The identity the renter gave (`user.identity.data`), e.g. names and date of birth; empty until given.',
      resolve: (personal) => personal.identity,
    }),
    addressHistory: t.field({
      type: ['JSONObject'],
      description: 'The renter’s addresses (`user.addressHistory.data`); empty until given.',
      resolve: (personal) => personal.addressHistory,
    }),
    financialSummary: t.field({
      type: 'JSONObject',
      description: 'Canopy’s summary of the renter’s finances (`user.financialSummary`); empty until screened.',
      resolve: (personal) => personal.financialSummary,
    }),
  }),
});
