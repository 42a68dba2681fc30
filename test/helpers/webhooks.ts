import { request } from 'undici';
import { seededCanopyReferenceId } from '../../src/sandbox/canopy-referencing/seed';
import { TEST_WEBHOOK_SECRET } from './gateway';

// The vendors' own examples, as their docs print them: Reposit's three tenant events name the
// Reposit `ep_…`, its `reposit.completed` `rep_…`.
export const REPOSIT_TENANT_CONFIRMED = {
  resource_type: 'reposit',
  action: 'reposit.tenant.confirmed',
  timestamp: '2018-12-20T10:44:23.131Z',
  resource: { id: 'ep_F32iOv3xE3Nmrp', href: 'https://reposit.co.uk/deposits/v1/reposits/ep_F32iOv3xE3Nmrp' },
  data: { tenant: { email: 'tenant@reposit.co.uk', createdAt: '2018-12-20T10:36:05.679Z', status: 'CONFIRMED' } },
};
export const REPOSIT_TENANT_SIGNED = {
  resource_type: 'reposit',
  action: 'reposit.tenant.signed',
  timestamp: '2018-12-20T10:44:23.131Z',
  resource: { id: 'ep_F32iOv3xE3Nmrp', href: 'https://reposit.co.uk/deposits/v1/reposits/ep_F32iOv3xE3Nmrp' },
  data: { tenant: { email: 'tenant@reposit.co.uk', createdAt: '2018-12-20T10:36:05.679Z', status: 'SIGNED' } },
};
export const REPOSIT_TENANT_PAID = {
  resource_type: 'reposit',
  action: 'reposit.tenant.paid',
  timestamp: '2018-12-20T10:44:23.131Z',
  resource: { id: 'ep_F32iOv3xE3Nmrp', href: 'https://reposit.co.uk/deposits/v1/reposits/ep_F32iOv3xE3Nmrp' },
  data: { tenant: { email: 'tenant@reposit.co.uk', createdAt: '2018-12-20T10:36:05.679Z', status: 'PAID' } },
};
export const REPOSIT_COMPLETED = {
  resource_type: 'reposit',
  action: 'reposit.completed',
  timestamp: '2018-12-20T10:48:03.169Z',
  resource: { id: 'rep_F32iOv3xE3Nmrp', href: 'https://reposit.co.uk/deposits/v1/reposits/rep_F32iOv3xE3Nmrp' },
};
/** The four, in the doc's order. */
export const REPOSIT_EXAMPLES = [REPOSIT_TENANT_CONFIRMED, REPOSIT_TENANT_SIGNED, REPOSIT_TENANT_PAID, REPOSIT_COMPLETED];

export const AMARA = 'amara.okafor@example.com';
export const amaraRequest = seededCanopyReferenceId(AMARA);

export const canopyExamples = {
  requestStatus: { canopyReferenceId: amaraRequest, clientReferenceId: '12346', notes: 'CONNECTED' },
  passportStatus: {
    canopyReferenceId: amaraRequest,
    clientReferenceId: '12346',
    updatedSection: { type: 'INCOME', newStatus: 'DONE', updatedAt: '2023-09-08T18:30:22.310Z' },
    instant: { status: 'IN_PROGRESS', sections: { income: 'DONE', rent: 'IN_PROGRESS', creditCheck: 'DONE', savings: 'NOT_STARTED' } },
    globalStatus: 'IN_PROGRESS',
  },
  note: {
    canopyReferenceId: amaraRequest,
    clientReferenceId: '12346',
    noteType: 'AGENT',
    section: 'INCOME',
    action: 'CREATED',
    note: 'Payslips checked',
  },
  completedReport: {
    clientReferenceId: '12346',
    canopyReferenceId: amaraRequest,
    document: {
      documentType: 1,
      url: '/referencing-requests/client/sandbox-agency/documents/doc-1',
      summaryReportUrl: '/referencing-requests/client/sandbox-agency/documents/doc-2',
      maxRent: 1500,
      status: 'VERIFY',
      title: 'FULL',
      isGuarantorNeeded: false,
    },
  },
};

/** POSTs a notification to a gateway's webhook route, as the vendor would (with `sandbox-north`'s secret unless told otherwise). */
export async function postWebhook(gatewayUrl: string, vendor: 'canopy' | 'reposit', body: unknown, secret = TEST_WEBHOOK_SECRET) {
  return postWebhookTo(`${gatewayUrl}/webhooks/${vendor}/${secret}`, body);
}

/** POSTs a notification to one webhook URL, e.g. `await gateway.webhookUrl('reposit', 'sandbox-south')`. */
export async function postWebhookTo(webhookUrl: string, body: unknown) {
  const response = await request(webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.body.text();
  return { status: response.statusCode, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
