import type {
  WireIdentity,
  WireIncome,
  WireRentData,
  WireSetIdentityResponse,
  WireSetIncomeResponse,
  WireSetRentResponse,
} from '../../../sources/canopy-referencing/wire';
import { json, type SandboxRoute } from '../../vendor-simulator';
import { newRequestId } from '../ids';
import type { CanopyReferencingState } from '../state';
import { validateIdentity, validateIncome, validateRent } from '../validate-prefill';
import { guardedRoute } from './guard';

/** set-identity, set-income and set-rent: data kept per renter e-mail, whether or not a request exists yet. */
export function prefillRoutes(state: CanopyReferencingState): SandboxRoute[] {
  return [
    guardedRoute(
      state,
      'POST',
      '/referencing-requests/client-user-data/set-identity',
      (request) => {
        const identity = request.body as WireIdentity;
        state.prefill(identity.email).identity = identity;
        const body: WireSetIdentityResponse = { success: true, requestId: newRequestId(), data: identity };
        return json(200, body);
      },
      validateIdentity,
    ),
    guardedRoute(
      state,
      'POST',
      '/referencing-requests/client-user-data/set-income',
      (request) => {
        const { email, data } = request.body as { email: string; data: { income: WireIncome[] } };
        state.prefill(email).income = data.income;
        const latest = state.latestRequestFor(email);
        if (latest) latest.annualSalary = data.income.reduce((sum, item) => sum + item.annualSalary, 0);
        const body: WireSetIncomeResponse = {
          success: true,
          requestId: newRequestId(),
          data: { clientId: state.clientId, email, income: data.income },
        };
        return json(200, body);
      },
      validateIncome,
    ),
    guardedRoute(
      state,
      'POST',
      '/referencing-requests/client-user-data/set-rent',
      (request) => {
        const { email, data } = request.body as { email: string; data: WireRentData };
        state.prefill(email).rent = data;
        const body: WireSetRentResponse = {
          success: true,
          requestId: newRequestId(),
          data: { clientId: state.clientId, email, rentData: data },
        };
        return json(200, body);
      },
      validateRent,
    ),
  ];
}
