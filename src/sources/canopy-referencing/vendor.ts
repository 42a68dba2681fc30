import { createCanopyReferencingSimulator, type CanopyReferencingSimulator } from '../../sandbox/canopy-referencing/simulator';
import type { VendorModule } from '../vendor-module';
import { CanopyReferencingClient } from './client';
import { canopyReferencingErrorBody } from './error-body';
import { createReferencingLoaders } from './loaders';
import type { CanopyNotification } from './types';
import { canopyReferencingWebhook } from './webhook-route';

type Credential = 'clientId' | 'secretKey' | 'apiKey';

export const canopyReferencingVendor = {
  key: 'canopyReferencing',
  name: 'canopy-referencing',
  // Canopy gives every client a base URL of its own: there is no default.
  account: {
    envPrefix: 'CANOPY_REFERENCING',
    credentials: { clientId: 'CANOPY_CLIENT_ID', secretKey: 'CANOPY_SECRET_KEY', apiKey: 'CANOPY_API_KEY' },
  },
  readErrorBody: canopyReferencingErrorBody,
  createClient: (http, account) =>
    new CanopyReferencingClient({ http, clientId: account?.clientId ?? '', secretKey: account?.secretKey ?? '', apiKey: account?.apiKey ?? '' }),
  createLoaders: createReferencingLoaders,
  webhook: canopyReferencingWebhook,
  simulate: ({ profile, people }) => createCanopyReferencingSimulator({ people, credentials: profile.credentials.canopyReferencing, idSpace: profile.idSpace }),
} satisfies VendorModule<'canopyReferencing', Credential, CanopyReferencingClient, ReturnType<typeof createReferencingLoaders>, CanopyReferencingSimulator, CanopyNotification>;
