import type { CanopyRentPassport } from '../../sources/canopy-referencing/types';
import { builder } from '../builder';

type Defined<K extends keyof CanopyRentPassport> = NonNullable<CanopyRentPassport[K]>;

export const IdentityVerification = builder.objectRef<Defined<'identityVerification'>>('IdentityVerification').implement({
  description: 'The identity verification, when the request asked for one.',
  fields: (t) => ({
    status: t.exposeString('status', { description: 'e.g. NO_PHOTO_ID until verified.' }),
    additionalInfo: t.string({ nullable: true, authScopes: { pii: true }, resolve: (check) => check.additionalInfo ?? null }),
    updatedAt: t.field({ type: 'DateTime', resolve: (check) => check.updatedAt }),
  }),
});

type RightToRentShape = Defined<'rightToRent'>;

const RightToRentMetadata = builder.objectRef<RightToRentShape>('RightToRentMetadata').implement({
  description: 'How the right to rent was proved (`rightToRent.data.metadata`).',
  fields: (t) => ({
    typeOfProof: t.exposeString('typeOfProof'),
    idnowIdentId: t.string({
      nullable: true,
      description: 'IDnow’s id of the identification (`idnowIdentID`), where IDnow made it.',
      resolve: (check) => check.idnowIdentId ?? null,
    }),
    shareCode: t.string({ nullable: true, description: 'The Home Office share code (`rtrSharecode`).', resolve: (check) => check.shareCode ?? null }),
  }),
});

export const RightToRent = builder.objectRef<Defined<'rightToRent'>>('RightToRent').implement({
  description: 'The right-to-rent check, when the request asked for one.',
  fields: (t) => ({
    type: t.exposeString('type', { description: 'How the check is made, e.g. MANUAL.' }),
    status: t.exposeString('status', { description: 'e.g. READY_TO_COMPLETE.' }),
    requestId: t.exposeID('requestId', { description: 'Canopy’s id of the check.' }),
    documentType: t.exposeString('documentType'),
    typeOfProof: t.exposeString('typeOfProof'),
    shareCode: t.string({ nullable: true, description: 'The Home Office share code.', resolve: (check) => check.shareCode ?? null }),
    country: t.string({ nullable: true, resolve: (check) => check.country ?? null }),
    expirationDate: t.field({ type: 'DateTime', nullable: true, resolve: (check) => check.expirationDate ?? null }),
    tenancyEndDate: t.field({ type: 'DateTime', nullable: true, resolve: (check) => check.tenancyEndDate ?? null }),
    metadata: t.field({ type: RightToRentMetadata, resolve: (check) => check }),
    documents: t.field({
      type: ['JSONObject'],
      description: 'The documents the renter gave for the check, as Canopy sends them.',
      resolve: (check) => check.documents,
    }),
    verifiedBy: t.string({ nullable: true, description: 'Who verified the right to rent.', resolve: (check) => check.verifiedBy ?? null }),
  }),
});

export const GuarantorRequest = builder.objectRef<Defined<'guarantorRequest'>>('GuarantorRequest').implement({
  description: 'The guarantor asked for on the renter’s behalf.',
  fields: (t) => ({
    email: t.exposeString('email', { description: 'The guarantor’s e-mail.' }),
    status: t.exposeString('status'),
    createdAt: t.field({ type: 'DateTime', resolve: (request) => request.createdAt }),
  }),
});

export const GuarantorCounts = builder.objectRef<CanopyRentPassport['guarantors']>('GuarantorCounts').implement({
  description: 'The renter’s guarantors by state.',
  fields: (t) => ({
    pending: t.exposeInt('pending'),
    accepted: t.exposeInt('accepted'),
  }),
});
