import { CANOPY_REFERENCING_SANDBOX_CREDENTIALS, CANOPY_REFERENCING_SANDBOX_PREFIX } from '../../sandbox/canopy-referencing/accounts';
import { createCanopyReferencingSimulator, type CanopyReferencingSimulator } from '../../sandbox/canopy-referencing/simulator';
import type { VendorModule } from '../vendor-module';
import { CanopyReferencingClient } from './client';
import { WEBHOOK_TYPE_VALUES } from './enums';
import { canopyReferencingErrorBody } from './error-body';
import { createReferencingLoaders } from './loaders';
import { CANOPY_REFERENCING_NAME } from './name';
import { CANOPY_REFERENCING_TOPIC_NOTIFICATIONS, CANOPY_REFERENCING_TOPICS } from './topics';
import type { CanopyNotification } from './types';
import { canopyReferencingWebhook } from './webhook-route';

type Credential = 'clientId' | 'secretKey' | 'apiKey';

export const canopyReferencingVendor = {
  key: 'canopyReferencing',
  name: CANOPY_REFERENCING_NAME.name,
  topics: CANOPY_REFERENCING_TOPICS,
  topicNotifications: CANOPY_REFERENCING_TOPIC_NOTIFICATIONS,
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
  sandbox: {
    prefix: CANOPY_REFERENCING_SANDBOX_PREFIX,
    credentials: CANOPY_REFERENCING_SANDBOX_CREDENTIALS,
    simulate: ({ profile, people }) => createCanopyReferencingSimulator({ people, credentials: CANOPY_REFERENCING_SANDBOX_CREDENTIALS[profile.id], idSpace: profile.idSpace }),
    active: true,
    // The seeded requests were made "before the gateway", with the agency's callback URL.
    sendWebhooksTo: (simulator, url) => simulator.setSeedCallbackUrl(url),
    // As an agency would with Canopy: one registration per notification type, so events flow at once.
    async atStart(client, callbackUrl) {
      for (const type of WEBHOOK_TYPE_VALUES) {
        const sections = type === 'PASSPORT_STATUS_UPDATES' ? { additionalSettings: [] } : {};
        await client.registerWebhook({ type, callbackUrl, ...sections });
      }
    },
  },
} satisfies VendorModule<'canopyReferencing', Credential, CanopyReferencingClient, ReturnType<typeof createReferencingLoaders>, CanopyReferencingSimulator, CanopyNotification>;
