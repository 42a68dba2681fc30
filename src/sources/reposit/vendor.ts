import { REPOSIT_SANDBOX_CREDENTIALS, REPOSIT_SANDBOX_PREFIX } from '../../sandbox/reposit/accounts';
import { createRepositSimulator, type RepositSimulator } from '../../sandbox/reposit/simulator';
import type { VendorModule } from '../vendor-module';
import { RepositClient } from './client';
import { repositErrorBody } from './error-body';
import { createRepositLoaders } from './loaders';
import { REPOSIT_NAME } from './name';
import { REPOSIT_TOPICS } from './topics';
import type { RepositWebhookEvent } from './types';
import { repositWebhook } from './webhook-route';

type Credential = 'apiKey';

export const repositVendor = {
  key: 'reposit',
  name: REPOSIT_NAME.name,
  topics: REPOSIT_TOPICS,
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
  sandbox: {
    prefix: REPOSIT_SANDBOX_PREFIX,
    credentials: REPOSIT_SANDBOX_CREDENTIALS,
    simulate: ({ profile, people }) =>
      createRepositSimulator({ people, apiKey: REPOSIT_SANDBOX_CREDENTIALS[profile.id].apiKey, supplier: profile.repositSupplier, idSpace: profile.idSpace }),
    active: true,
    // Reposit activates webhooks on request, to one endpoint.
    sendWebhooksTo: (simulator, url) => simulator.setWebhookUrl(url),
  },
} satisfies VendorModule<'reposit', Credential, RepositClient, ReturnType<typeof createRepositLoaders>, RepositSimulator, RepositWebhookEvent>;
