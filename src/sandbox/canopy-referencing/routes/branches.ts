import type {
  WireBranch,
  WireBranchesListResponse,
  WireDeleteBranchMappingResponse,
  WireLinkBranchRequest,
  WireLinkBranchResponse,
} from '../../../sources/canopy-referencing/wire';
import { json, type SandboxRoute } from '../../vendor-simulator';
import { canopyError } from '../errors';
import { newRequestId } from '../ids';
import type { CanopyBranchRecord, CanopyReferencingState } from '../state';
import { validateLinkBranch } from '../validate-requests';
import { guardedRoute } from './guard';

function branchView(branch: CanopyBranchRecord, clientBranchId: string | null): WireBranch {
  const { address } = branch;
  return {
    canopyBranchId: branch.canopyBranchId,
    clientBranchId,
    branchName: branch.branchName,
    branchAddress: {
      id: address.id,
      line1: address.line1,
      line2: address.line2,
      line3: null,
      street: address.street,
      town: address.town,
      postCode: address.postCode,
      countryCode: 'GB',
      flat: null,
      district: null,
      houseNumber: address.houseNumber,
      houseName: null,
    },
  };
}

export function branchRoutes(state: CanopyReferencingState): SandboxRoute[] {
  return [
    guardedRoute(state, 'GET', '/referencing-requests/client/:clientId/branches-list', () => {
      // A branch appears once per link, or once with a null clientBranchId when it has none.
      const branches = state.branches.flatMap((branch) => {
        const links = [...state.branchLinks].filter(([, canopyBranchId]) => canopyBranchId === branch.canopyBranchId);
        return links.length === 0 ? [branchView(branch, null)] : links.map(([clientBranchId]) => branchView(branch, clientBranchId));
      });
      const body: WireBranchesListResponse = { success: true, requestId: newRequestId(), data: { branches } };
      return json(200, body);
    }),
    guardedRoute(
      state,
      'POST',
      '/referencing-requests/client/:clientId/link-branch',
      (request) => {
        const { canopyBranchId, clientBranchId } = request.body as WireLinkBranchRequest;
        const branch = state.branch(canopyBranchId);
        if (!branch) return canopyError(404, `Canopy branch ${canopyBranchId} not found for this client`);
        if (state.branchLinks.has(clientBranchId)) {
          return canopyError(409, `clientBranchId ${clientBranchId} is already linked to a Canopy branch`);
        }
        state.branchLinks.set(clientBranchId, canopyBranchId);
        const body: WireLinkBranchResponse = { success: true, requestId: newRequestId(), data: branchView(branch, clientBranchId) };
        return json(201, body);
      },
      validateLinkBranch,
    ),
    guardedRoute(state, 'DELETE', '/referencing-requests/client/:clientId/branch-mapping/:clientBranchId', (request) => {
      const clientBranchId = request.params.clientBranchId ?? '';
      if (!state.branchLinks.delete(clientBranchId)) return canopyError(404, `Branch mapping ${clientBranchId} not found`);
      const body: WireDeleteBranchMappingResponse = { success: true, requestId: newRequestId(), data: { clientBranchId } };
      return json(200, body);
    }),
  ];
}
