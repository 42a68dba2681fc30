import type { RepositAccount } from '../../agencies/agency';
import type { VendorModule } from '../vendor-module';
import { RepositClient } from './client';
import { repositErrorBody } from './error-body';
import { createRepositLoaders } from './loaders';

export const repositVendor = {
  key: 'reposit',
  name: 'reposit',
  readErrorBody: repositErrorBody,
  createClient: (http, account, crm) => new RepositClient({ http, apiKey: account?.apiKey ?? '', referrerToken: crm.repositReferrerToken }),
  createLoaders: createRepositLoaders,
} satisfies VendorModule<RepositAccount, RepositClient, ReturnType<typeof createRepositLoaders>>;
