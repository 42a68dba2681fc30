import { ASSUMED } from './assumed-sizes';
import type { CostTable } from './field-cost';

/** A referencing request is found through its passport notes: whoever answers one has read them. */
const REQUEST = { calls: 1, primes: ['notes'] } as const;

/** Canopy Referencing's fields that call it; the access token, shared by every operation, is not counted. */
export const canopyReferencingCosts: CostTable = {
  vendor: 'canopyReferencing',
  fields: {
    'Query.referencingRequest': { ...REQUEST, summary: '1 Canopy Referencing call (the passport notes)' },
    'Query.canopyBranches': { calls: 1, perRequest: true, read: 'branches', items: ASSUMED.branches, summary: '1 Canopy Referencing call (the branch list)' },
    'Tenant.referencingRequests': { ...REQUEST, links: 'referencingRequest' },
    'ReferencingRequest.status': { calls: 1, read: 'passport' },
    'ReferencingRequest.completed': { calls: 1, read: 'passport' },
    'ReferencingRequest.rentPassport': { calls: 1, read: 'passport' },
    'ReferencingRequest.notes': { calls: 1, read: 'notes' },
    'PassportConnection.branch': { calls: 1, perRequest: true, read: 'branches' },
    'CanopyBranchLink.branch': { calls: 1, perRequest: true, read: 'branches' },
    'RequestStatusEvent.referencingRequest': REQUEST,
    'PassportStatusEvent.referencingRequest': REQUEST,
    'PassportNoteEvent.referencingRequest': REQUEST,
    'ReferencingCompletedEvent.referencingRequest': REQUEST,
    'Mutation.requestReferencing': { calls: 1, summary: '1 Canopy Referencing call' },
    'Mutation.prefillIdentity': { calls: 1, summary: '1 Canopy Referencing call' },
    'Mutation.prefillIncome': { calls: 1, summary: '1 Canopy Referencing call' },
    'Mutation.prefillRent': { calls: 1, summary: '1 Canopy Referencing call' },
    'Mutation.revokeGuarantorRequest': { calls: 1, summary: '1 Canopy Referencing call' },
    'Mutation.registerCanopyWebhook': { calls: 1, summary: '1 Canopy Referencing call' },
    'Mutation.unregisterCanopyWebhook': { calls: 1, summary: '1 Canopy Referencing call' },
    'Mutation.linkCanopyBranch': { calls: 1, summary: '1 Canopy Referencing call' },
    'Mutation.unlinkCanopyBranch': { calls: 1, summary: '1 Canopy Referencing call' },
  },
};
