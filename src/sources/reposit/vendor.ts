import { createRepositSimulator, type RepositSimulator } from '../../sandbox/reposit/simulator';
import type { VendorModule } from '../vendor-module';
import { RepositClient } from './client';
import { repositErrorBody } from './error-body';
import { createRepositLoaders } from './loaders';
import type { RepositWebhookEvent } from './types';
import { repositWebhook } from './webhook-route';

type Credential = 'apiKey';

export const repositVendor = {
  key: 'reposit',
  name: 'reposit',
  // The key maps to one agency; the referrer token is the CRM's own, shared by every agency (CrmIdentity).
  account: {
    envPrefix: 'REPOSIT',
    credentials: { apiKey: 'REPOSIT_API_KEY' },
    defaultBaseUrl: 'https://reposit.co.uk/deposits',
  },
  readErrorBody: repositErrorBody,
  createClient: (http, account, crm) => new RepositClient({ http, apiKey: account?.apiKey ?? '', referrerToken: crm.repositReferrerToken }),
  createLoaders: createRepositLoaders,
  webhook: repositWebhook,
  simulate: ({ profile, people }) =>
    createRepositSimulator({ people, apiKey: profile.credentials.reposit.apiKey, supplier: profile.repositSupplier, idSpace: profile.idSpace }),
} satisfies VendorModule<'reposit', Credential, RepositClient, ReturnType<typeof createRepositLoaders>, RepositSimulator, RepositWebhookEvent>;
