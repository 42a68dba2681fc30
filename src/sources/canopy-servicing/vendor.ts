import type { CanopyServicingCredentials } from '../../config';
import type { VendorModule } from '../vendor-module';
import { CanopyServicingClient } from './client';
import { canopyServicingErrorBody } from './error-body';
import { createServicingLoaders } from './loaders';

export const canopyServicingVendor = {
  key: 'canopyServicing',
  name: 'canopy-servicing',
  readErrorBody: canopyServicingErrorBody,
  createClient: (http, account) => new CanopyServicingClient({ http, token: account?.token ?? '' }),
  createLoaders: createServicingLoaders,
} satisfies VendorModule<CanopyServicingCredentials, CanopyServicingClient, ReturnType<typeof createServicingLoaders>>;
