import { CANOPY_SERVICING_SANDBOX_CREDENTIALS, CANOPY_SERVICING_SANDBOX_PREFIX } from '../../sandbox/canopy-servicing/accounts';
import { createCanopyServicingSimulator, type CanopyServicingSimulator } from '../../sandbox/canopy-servicing/simulator';
import type { VendorModule } from '../vendor-module';
import { CanopyServicingClient } from './client';
import { canopyServicingErrorBody } from './error-body';
import { createServicingLoaders } from './loaders';
import { CANOPY_SERVICING_NAME } from './name';

type Credential = 'token';

export const canopyServicingVendor = {
  key: 'canopyServicing',
  name: CANOPY_SERVICING_NAME.name,
  account: {
    envPrefix: 'CANOPY_SERVICING',
    credentials: { token: 'CANOPY_SERVICING_TOKEN' },
    defaultBaseUrl: 'https://sandbox.canopyservicing.com',
  },
  readErrorBody: canopyServicingErrorBody,
  createClient: (http, account) => new CanopyServicingClient({ http, token: account?.token ?? '' }),
  createLoaders: createServicingLoaders,
  sandbox: {
    prefix: CANOPY_SERVICING_SANDBOX_PREFIX,
    credentials: CANOPY_SERVICING_SANDBOX_CREDENTIALS,
    simulate: ({ profile, people }) => createCanopyServicingSimulator({ people, token: CANOPY_SERVICING_SANDBOX_CREDENTIALS[profile.id].token, idSpace: profile.idSpace }),
  },
} satisfies VendorModule<'canopyServicing', Credential, CanopyServicingClient, ReturnType<typeof createServicingLoaders>, CanopyServicingSimulator>;
