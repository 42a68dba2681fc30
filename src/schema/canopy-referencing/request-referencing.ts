import { builder } from '../builder';
import { linkAfterVendorWrite, withUnlinked } from '../links-after-write';
import { ReferencingItemTypeEnum, ReferencingRequestTypeEnum } from './enums';
import { ReferencingRequest, type ReferencingRequestShape } from './referencing-request';
import { validateRequestReferencing, type RequestReferencingInputShape } from './request-referencing.validation';

const RequestReferencingInput = builder.inputRef<RequestReferencingInputShape>('RequestReferencingInput').implement({
  description: 'A screening invitation for one renter or guarantor. Canopy sends the completed report to the gateway.',
  fields: (t) => ({
    email: t.string({ required: true, description: 'The person to screen.' }),
    firstName: t.string(),
    lastName: t.string(),
    title: t.string({ description: 'Title that is used before a surname or full name.' }),
    phone: t.string(),
    requestType: t.field({ type: ReferencingRequestTypeEnum, required: true }),
    itemType: t.field({ type: ReferencingItemTypeEnum, required: true }),
    branchId: t.id({
      description:
        'A client branch id linked to a Canopy branch (see `canopyBranches`); the default branch when absent. Canopy answers NOT_FOUND for an unlinked id.',
    }),
    clientReferenceId: t.string({ description: 'A unique identifier on the agency’s side.' }),
    isGuarantorNeeded: t.boolean({ description: 'Ask for a guarantor for this renter. Only with RENTER_SCREENING.' }),
    isIdentityVerificationNeeded: t.boolean({
      description: 'Ask for identity verification. Only with RENTER_SCREENING and a CC_ONLY, INSTANT, FULL or PRIORITY item.',
    }),
    isRightToRentNeeded: t.boolean({
      description: 'Ask for a right-to-rent check. As isIdentityVerificationNeeded, which it turns on.',
    }),
  }),
});

builder.mutationField('requestReferencing', (t) =>
  t.field({
    type: ReferencingRequest,
    errors: { result: withUnlinked },
    description: 'Invites a renter (or guarantor) to screening; Canopy e-mails them to complete a Rent Passport in its app.',
    args: { input: t.arg({ type: RequestReferencingInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const request = validateRequestReferencing(input, ctx.callbackUrls.canopy);
      const created = await ctx.clients.canopyReferencing.requestReferencing(request);
      const shape: ReferencingRequestShape = { canopyReferenceId: created.canopyReferenceId, email: request.email };
      if (request.clientReferenceId !== undefined) shape.clientReferenceId = request.clientReferenceId;
      return linkAfterVendorWrite(ctx, shape, [{ email: request.email, kind: 'referencingRequest', vendorId: created.canopyReferenceId }]);
    },
  }),
);
