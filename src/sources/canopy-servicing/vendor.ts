import { createCanopyServicingSimulator, type CanopyServicingSimulator } from '../../sandbox/canopy-servicing/simulator';
import type { VendorModule } from '../vendor-module';
import { CanopyServicingClient } from './client';
import { canopyServicingErrorBody } from './error-body';
import { createServicingLoaders } from './loaders';

type Credential = 'token';

export const canopyServicingVendor = {
  key: 'canopyServicing',
  name: 'canopy-servicing',
  account: {
    envPrefix: 'CANOPY_SERVICING',
    credentials: { token: 'CANOPY_SERVICING_TOKEN' },
    defaultBaseUrl: 'https://sandbox.canopyservicing.com',
  },
  readErrorBody: canopyServicingErrorBody,
  createClient: (http, account) => new CanopyServicingClient({ http, token: account?.token ?? '' }),
  createLoaders: createServicingLoaders,
  simulate: ({ profile, people }) => createCanopyServicingSimulator({ people, token: profile.credentials.canopyServicing.token, idSpace: profile.idSpace }),
} satisfies VendorModule<'canopyServicing', Credential, CanopyServicingClient, ReturnType<typeof createServicingLoaders>, CanopyServicingSimulator>;
