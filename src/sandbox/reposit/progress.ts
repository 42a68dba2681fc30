import type { WireCompletedWebhook, WireTenant, WireTenantAction, WireTenantWebhook } from '../../sources/reposit/wire';
import type { DemoPerson } from '../demo-people';
import type { WebhookDelivery } from '../vendor-simulator';
import { issuePolicy } from './policies';
import { openReposit } from './seed';
import type { RepositRecord, RepositStore } from './state';
import { completedWebhook, deliveriesOf, tenantWebhook } from './webhooks';

/** What a tenant does next, from each status, and the event Reposit reports it with. */
const NEXT_STEP: Record<string, { status: string; action: WireTenantAction }> = {
  INVITED: { status: 'CONFIRMED', action: 'reposit.tenant.confirmed' },
  REGISTERED: { status: 'CONFIRMED', action: 'reposit.tenant.confirmed' },
  CONFIRMED: { status: 'SIGNED', action: 'reposit.tenant.signed' },
  SIGNED: { status: 'PAID', action: 'reposit.tenant.paid' },
};

/**
 * The tenants' side of Reposit. Each step moves one tenant of the next open Reposit (taken in
 * turn, so every Reposit moves) one status on; the last payment makes the Reposit active, issues
 * its policy and adds `reposit.completed`. When no Reposit is left open, the next person starts
 * a new one, so there is always something to report.
 */
export function createProgression(store: RepositStore, people: DemoPerson[], now: () => Date): () => WebhookDelivery[] {
  let lastMoved: string | undefined;
  let renewals = 0;

  function nextOpenReposit(): RepositRecord | undefined {
    const all = [...store.reposits.values()];
    const open = (record: RepositRecord) =>
      !record.closedAt && !record.deactivatedAt && record.tenants.some((tenant) => Object.hasOwn(NEXT_STEP, tenant.status));
    const after = lastMoved === undefined ? 0 : all.findIndex((record) => record.id === lastMoved) + 1;
    return all.slice(after).find(open) ?? all.slice(0, after).find(open);
  }

  function renew(): RepositRecord | undefined {
    const person = people[renewals % Math.max(people.length, 1)];
    if (!person) return undefined;
    renewals++;
    return openReposit(store, {
      id: store.nextRepositId(),
      person,
      tenantEmails: [person.email],
      createdAt: now(),
      variant: store.reposits.size,
    });
  }

  return function advance(): WebhookDelivery[] {
    const reposit = nextOpenReposit() ?? renew();
    if (!reposit) return [];
    lastMoved = reposit.id;
    const at = now();
    const tenant = leastAdvanced(reposit.tenants);
    const step = NEXT_STEP[tenant.status]!;
    tenant.status = step.status;
    const bodies: Array<WireTenantWebhook | WireCompletedWebhook> = [tenantWebhook(store, reposit.id, step.action, tenant, at)];
    if (reposit.tenants.every((other) => other.status === 'PAID')) {
      reposit.policies.push(issuePolicy(reposit, at));
      bodies.push(completedWebhook(store, reposit.id, at));
    }
    return deliveriesOf(store, bodies);
  };
}

/** The tenant furthest behind who still has a step to take (the first of equals). */
function leastAdvanced(tenants: WireTenant[]): WireTenant {
  const order = Object.keys(NEXT_STEP);
  const movable = tenants.filter((tenant) => Object.hasOwn(NEXT_STEP, tenant.status));
  return movable.reduce((behind, tenant) => (order.indexOf(tenant.status) < order.indexOf(behind.status) ? tenant : behind));
}
