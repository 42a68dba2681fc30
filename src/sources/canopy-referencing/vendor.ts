import type { CanopyReferencingCredentials } from '../../config';
import type { VendorModule } from '../vendor-module';
import { CanopyReferencingClient } from './client';
import { canopyReferencingErrorBody } from './error-body';
import { createReferencingLoaders } from './loaders';

export const canopyReferencingVendor = {
  key: 'canopyReferencing',
  name: 'canopy-referencing',
  readErrorBody: canopyReferencingErrorBody,
  createClient: (http, account) =>
    new CanopyReferencingClient({ http, clientId: account?.clientId ?? '', secretKey: account?.secretKey ?? '', apiKey: account?.apiKey ?? '' }),
  createLoaders: createReferencingLoaders,
} satisfies VendorModule<CanopyReferencingCredentials, CanopyReferencingClient, ReturnType<typeof createReferencingLoaders>>;
