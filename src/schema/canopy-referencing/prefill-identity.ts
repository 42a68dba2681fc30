import type { CanopyAddress, CanopyIdentity } from '../../sources/canopy-referencing/types';
import { builder } from '../builder';
import { calendarDate } from './calendar-date';
import { validatePrefillIdentity, type AddressInputShape, type PrefillIdentityInputShape } from './prefill-identity.validation';

const AddressInput = builder.inputRef<AddressInputShape>('CanopyAddressInput').implement({
  description: 'One address of the renter’s history. Give houseNumber or houseName, or both.',
  fields: (t) => ({
    startDate: t.string({ required: true, description: 'When the renter moved in, YYYY-MM-DD.' }),
    flat: t.string(),
    houseNumber: t.string({ description: 'Required if houseName is not given.' }),
    houseName: t.string({ description: 'Required if houseNumber is not given.' }),
    street: t.string({ required: true }),
    countryCode: t.string({ required: true, description: 'ISO 3166-1 alpha-2, e.g. GB.' }),
    county: t.string(),
    town: t.string({ required: true }),
    postCode: t.string({ required: true }),
    line1: t.string(),
    line2: t.string(),
    line3: t.string(),
  }),
});

const PrefillIdentityInput = builder.inputRef<PrefillIdentityInputShape>('PrefillIdentityInput').implement({
  description: 'Identity and address history to prefill a renter’s Rent Passport with.',
  fields: (t) => ({
    email: t.string({ required: true, description: 'The renter the data is about.' }),
    firstName: t.string({ required: true }),
    middleName: t.string(),
    lastName: t.string({ required: true }),
    dateOfBirth: t.string({ required: true, description: 'YYYY-MM-DD.' }),
    phone: t.string({ required: true }),
    addresses: t.field({ type: [AddressInput], required: true, description: 'At least one address.' }),
  }),
});

const optional = <T>(value: T | undefined) => value ?? null;

const CanopyAddressType = builder.objectRef<CanopyAddress>('CanopyAddress').implement({
  description: 'One address of a renter’s history, as Canopy holds it.',
  fields: (t) => ({
    startDate: t.field({ type: 'Date', nullable: true, resolve: (address) => calendarDate(address.startDate) }),
    flat: t.string({ nullable: true, resolve: (address) => optional(address.flat) }),
    houseNumber: t.string({ nullable: true, resolve: (address) => optional(address.houseNumber) }),
    houseName: t.string({ nullable: true, resolve: (address) => optional(address.houseName) }),
    street: t.exposeString('street'),
    countryCode: t.exposeString('countryCode'),
    county: t.string({ nullable: true, resolve: (address) => optional(address.county) }),
    town: t.exposeString('town'),
    postCode: t.exposeString('postCode'),
    line1: t.string({ nullable: true, resolve: (address) => optional(address.line1) }),
    line2: t.string({ nullable: true, resolve: (address) => optional(address.line2) }),
    line3: t.string({ nullable: true, resolve: (address) => optional(address.line3) }),
  }),
});

const PrefilledIdentity = builder.objectRef<CanopyIdentity>('PrefilledIdentity').implement({
  description: 'The identity Canopy now holds for the renter.',
  fields: (t) => ({
    email: t.exposeString('email'),
    firstName: t.exposeString('firstName'),
    middleName: t.string({ nullable: true, resolve: (identity) => optional(identity.middleName) }),
    lastName: t.exposeString('lastName'),
    dateOfBirth: t.field({ type: 'Date', nullable: true, authScopes: { pii: true }, resolve: (identity) => calendarDate(identity.dateOfBirth) }),
    phone: t.exposeString('phone', { nullable: true, authScopes: { pii: true } }),
    addresses: t.field({ type: [CanopyAddressType], nullable: true, authScopes: { pii: true }, resolve: (identity) => identity.addresses }),
  }),
});

builder.mutationField('prefillIdentity', (t) =>
  t.field({
    type: PrefilledIdentity,
    errors: {},
    description: 'Prefills the renter’s Rent Passport with identity and address history; it replaces what was set before.',
    args: { input: t.arg({ type: PrefillIdentityInput, required: true }) },
    resolve: (_root, { input }, ctx) => ctx.clients.canopyReferencing.setIdentity(validatePrefillIdentity(input)),
  }),
);
