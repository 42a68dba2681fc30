import { randomUUID } from 'node:crypto';
import type {
  WireReferencingRequest,
  WireReferencingResponse,
  WireRevokeGuarantorResponse,
} from '../../../sources/canopy-referencing/wire';
import { json, type SandboxRoute } from '../../vendor-simulator';
import { canopyError } from '../errors';
import { newRequestId } from '../ids';
import { createRequest } from '../requests';
import type { CanopyReferencingState } from '../state';
import { validateReferencingRequest, validateRevokeGuarantor } from '../validate-requests';
import { guardedRoute } from './guard';

/** Salary assumed for a renter who has not had income prefilled, in whole pounds a year. */
const ASSUMED_ANNUAL_SALARY = 30_000;

export function referencingRoutes(state: CanopyReferencingState): SandboxRoute[] {
  return [
    guardedRoute(
      state,
      'POST',
      '/referencing-requests/client/:clientId/request',
      (request) => {
        const input = request.body as WireReferencingRequest;
        let canopyBranchId = state.defaultBranch().canopyBranchId;
        if (input.branchId !== undefined) {
          const linked = state.branchLinks.get(input.branchId);
          if (!linked) return canopyError(404, `No branch connection found for branchId ${input.branchId}`);
          canopyBranchId = linked;
        }
        const income = state.prefilledFor(input.email).income;
        const record = createRequest(state, {
          ...input,
          canopyReferenceId: randomUUID(),
          canopyBranchId,
          seeded: false,
          annualSalary: income ? income.reduce((sum, item) => sum + item.annualSalary, 0) : ASSUMED_ANNUAL_SALARY,
          createdAt: state.now(),
        });
        const body: WireReferencingResponse = { success: true, requestId: newRequestId(), canopyReferenceId: record.canopyReferenceId };
        return json(201, body);
      },
      validateReferencingRequest,
    ),
    guardedRoute(
      state,
      'DELETE',
      '/referencing-requests/client/:clientId/revoke-guarantor-request',
      (request) => {
        const { email } = request.body as { email: string };
        const record = state.latestRequestFor(email);
        if (!record || !record.isGuarantorNeeded || record.guarantor?.status === 'ACCEPTED') {
          return canopyError(404, `No open guarantor request found for ${email}`);
        }
        record.isGuarantorNeeded = false;
        record.guarantor = null;
        record.queuedEvents.push('GUARANTOR_REQUEST_CANCELLED');
        // The renter's own report was already sent; with no guarantor to wait for, it is final.
        if (record.stage === 'WAITING_FOR_GUARANTOR') record.stage = 'COMPLETED';
        const body: WireRevokeGuarantorResponse = { success: true };
        return json(200, body);
      },
      validateRevokeGuarantor,
    ),
  ];
}
