import type { WebhookType } from '../../../sources/canopy-referencing/enums';
import type {
  WireRegisterWebhookRequest,
  WireRegisterWebhookResponse,
  WireUnregisterWebhookResponse,
} from '../../../sources/canopy-referencing/wire';
import { json, type SandboxRoute } from '../../vendor-simulator';
import { canopyError } from '../errors';
import type { CanopyReferencingState } from '../state';
import { validateWebhookRegistration } from '../validate-requests';
import { guardedRoute } from './guard';

export function webhookRoutes(state: CanopyReferencingState): SandboxRoute[] {
  return [
    guardedRoute(
      state,
      'POST',
      '/referencing-requests/client/:clientId/webhook/register',
      (request) => {
        const { type, callbackUrl, additionalSettings } = request.body as WireRegisterWebhookRequest;
        // One registration per type (unregistering names only the type), so registering again replaces it.
        state.webhooks.set(type, { callbackUrl, additionalSettings: additionalSettings ?? [] });
        const body: WireRegisterWebhookResponse = { success: true, webhookType: type, callbackUrl };
        return json(200, body);
      },
      validateWebhookRegistration,
    ),
    guardedRoute(state, 'DELETE', '/referencing-requests/client/:clientId/webhook/:webhookType', (request) => {
      const type = (request.params.webhookType ?? '') as WebhookType;
      // Wording from Canopy's earlier public docs.
      if (!state.webhooks.delete(type)) return canopyError(404, 'No webhooks of the specified type found');
      const body: WireUnregisterWebhookResponse = { success: true, webhookType: type };
      return json(200, body);
    }),
  ];
}
