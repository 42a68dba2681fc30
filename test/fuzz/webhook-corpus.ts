/**
 * The valid notifications the webhook fuzzing starts from: Reposit's four example payloads as
 * its docs print them, and the Canopy notifications the webhook tests use (Canopy's docs give
 * their fields as tables, not JSON). Each names the fields the docs make required, the ids a
 * vendor path is built from, and the e-mails and URLs in it, so a mutation knows what it broke.
 */
import { canopyExamples } from '../helpers/webhooks';

export type WebhookRoute = 'canopy' | 'reposit';

export interface Seed {
  name: string;
  body: Record<string, unknown>;
  /** Dropping one of these must be refused, naming it. */
  required: string[];
  ids: string[];
  emails: string[];
  urls: string[];
  numbers: string[];
  /** Whole pounds the gateway serves as pence (Money.minorUnits, a SafeInt). */
  amounts: string[];
}

const repositResource = (id: string) => ({ id, href: `https://reposit.co.uk/deposits/v1/reposits/${id}` });
const repositTenantEvent = (action: string, status: string) => ({
  resource_type: 'reposit',
  action,
  timestamp: '2018-12-20T10:44:23.131Z',
  resource: repositResource('ep_F32iOv3xE3Nmrp'),
  data: { tenant: { email: 'tenant@reposit.co.uk', createdAt: '2018-12-20T10:36:05.679Z', status } },
});
const repositBase = ['resource_type', 'action', 'timestamp', 'resource', 'resource.id', 'resource.href'];
const repositTenant = ['data', 'data.tenant', 'data.tenant.email', 'data.tenant.status', 'data.tenant.createdAt'];
const repositTenantSeed = (action: string, status: string): Seed => ({
  name: action,
  body: repositTenantEvent(action, status),
  required: [...repositBase, ...repositTenant],
  ids: ['resource.id'],
  emails: ['data.tenant.email'],
  urls: ['resource.href'],
  numbers: [],
  amounts: [],
});

export const SEEDS: Record<WebhookRoute, Seed[]> = {
  reposit: [
    repositTenantSeed('reposit.tenant.confirmed', 'CONFIRMED'),
    repositTenantSeed('reposit.tenant.signed', 'SIGNED'),
    repositTenantSeed('reposit.tenant.paid', 'PAID'),
    {
      name: 'reposit.completed',
      body: { resource_type: 'reposit', action: 'reposit.completed', timestamp: '2018-12-20T10:48:03.169Z', resource: repositResource('rep_F32iOv3xE3Nmrp') },
      required: repositBase,
      ids: ['resource.id'],
      emails: [],
      urls: ['resource.href'],
      numbers: [],
      amounts: [],
    },
  ],
  canopy: [
    { name: 'request status', body: canopyExamples.requestStatus, required: ['canopyReferenceId', 'notes'], ids: ['canopyReferenceId'], emails: [], urls: [], numbers: [], amounts: [] },
    {
      name: 'passport status',
      body: canopyExamples.passportStatus,
      required: [
        'canopyReferenceId',
        'updatedSection.type',
        'updatedSection.newStatus',
        'updatedSection.updatedAt',
        'instant',
        'instant.status',
        'instant.sections',
        'instant.sections.income',
        'instant.sections.rent',
        'instant.sections.creditCheck',
        'instant.sections.savings',
        'globalStatus',
      ],
      ids: ['canopyReferenceId'],
      emails: [],
      urls: [],
      numbers: [],
      amounts: [],
    },
    {
      name: 'note',
      body: canopyExamples.note,
      required: ['canopyReferenceId', 'section', 'action'],
      ids: ['canopyReferenceId'],
      emails: [],
      urls: [],
      numbers: [],
      amounts: [],
    },
    {
      name: 'completed report',
      body: canopyExamples.completedReport,
      required: ['canopyReferenceId', 'document.documentType', 'document.url', 'document.summaryReportUrl', 'document.maxRent', 'document.status'],
      ids: ['canopyReferenceId'],
      emails: [],
      urls: ['document.url', 'document.summaryReportUrl'],
      numbers: ['document.documentType', 'document.maxRent'],
      amounts: ['document.maxRent'],
    },
  ],
};
