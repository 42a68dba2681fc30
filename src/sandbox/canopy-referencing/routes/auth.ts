import { randomBytes } from 'node:crypto';
import type { WireRefreshSecretKeyResponse, WireTokenResponse } from '../../../sources/canopy-referencing/wire';
import { json, type SandboxRoute } from '../../vendor-simulator';
import { checkApiKey, exchangeJwt } from '../auth';
import { FieldChecks } from '../checks';
import { canopyError, validationError } from '../errors';
import { newRequestId } from '../ids';
import type { CanopyReferencingState } from '../state';
import { guardedRoute } from './guard';

function requireStringField(body: unknown, field: string) {
  const checks = new FieldChecks();
  const root = checks.object(body, 'body');
  if (root) checks.string(root[field], field);
  return checks.problems;
}

export function authRoutes(state: CanopyReferencingState): SandboxRoute[] {
  return [
    {
      method: 'POST',
      path: '/referencing-requests/client/:clientId/token',
      handle(request) {
        const refused = checkApiKey(state, request);
        if (refused) return refused;
        const problems = requireStringField(request.body, 'jwtKey');
        if (problems.length > 0) return validationError(problems);
        const { jwtKey } = request.body as { jwtKey: string };
        const outcome = exchangeJwt(state, request.params.clientId ?? '', jwtKey);
        if ('refusal' in outcome) return canopyError(401, outcome.refusal);
        const body: WireTokenResponse = {
          success: true,
          access_token: `Bearer ${outcome.accessToken}`,
          expires: Math.floor(outcome.expiresAtMs / 1000),
        };
        return json(200, body);
      },
    },
    guardedRoute(
      state,
      'POST',
      '/referencing-requests/client/refresh',
      (request) => {
        const { secretKey } = request.body as { secretKey: string };
        if (secretKey !== state.secretKey) return canopyError(403, 'secretKey is not the active secret key');
        // Access tokens already issued stay valid: only the key that signs new JWTs changes.
        state.secretKey = randomBytes(32).toString('base64url');
        const body: WireRefreshSecretKeyResponse = { success: true, requestId: newRequestId(), data: { secretKey: state.secretKey } };
        return json(200, body);
      },
      (body) => requireStringField(body, 'secretKey'),
    ),
  ];
}
