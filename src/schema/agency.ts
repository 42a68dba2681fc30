import type { GatewayContext } from '../context';
import { builder } from './builder';

export interface AgencyShape {
  id: string;
  name: string;
}

const WebhookUrls = builder.objectRef<{ canopy: string; reposit: string }>('WebhookUrls').implement({
  description: 'The gateway’s own webhook URLs of one agency, to register with its vendors. Each carries a secret that names the agency: keep them private.',
  fields: (t) => ({
    canopy: t.exposeString('canopy', { description: 'For every Canopy Referencing notification.' }),
    reposit: t.exposeString('reposit', { description: 'For Reposit’s webhook events.' }),
  }),
});

/** The caller's own URLs, or, for a CRM operator handed another agency, that agency's. */
async function webhookUrlsOf(agency: AgencyShape, _args: object, ctx: GatewayContext) {
  if (agency.id === ctx.agency.id) return ctx.callbackUrls;
  return (await ctx.admin.agencies.get(agency.id))?.callbackUrls ?? null;
}

export const Agency = builder.objectRef<AgencyShape>('Agency').implement({
  description: 'A letting agency the gateway serves, with its own vendor accounts. Its credentials are write-only: no field shows them.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    webhookUrls: t.field({
      type: WebhookUrls,
      nullable: true,
      authScopes: { admin: true },
      resolve: webhookUrlsOf,
    }),
  }),
});

builder.queryField('agency', (t) =>
  t.field({
    type: Agency,
    description: 'The agency the caller’s credential acts for.',
    resolve: (_root, _args, ctx) => ({ id: ctx.agency.id, name: ctx.agency.name }),
  }),
);
