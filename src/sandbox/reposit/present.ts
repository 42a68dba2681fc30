import type { WireReposit } from '../../sources/reposit/wire';
import type { RepositRecord, RepositStore } from './state';

/** A Reposit as `GET /v1/reposits/:id` answers it, its URLs absolute on the base URL it was asked on. */
export function presentReposit(store: RepositStore, record: RepositRecord, baseUrl: string): WireReposit {
  const agent = store.agent(record.agentId);
  // Agents are fixed at seeding and a Reposit is only ever created for one of them.
  if (!agent) throw new Error(`Reposit ${record.id} names an unknown agent ${record.agentId}`);
  const { id, name, type } = store.supplier;
  const self = `${baseUrl}/v1/reposits/${encodeURIComponent(record.id)}`;
  return {
    id: record.id,
    ppm: record.ppm,
    headcount: record.headcount,
    startDate: record.startDate,
    endDate: record.endDate,
    letOnly: record.letOnly,
    createdAt: record.createdAt,
    closedAt: record.closedAt,
    deactivatedAt: record.deactivatedAt,
    address: structuredClone(record.address),
    agent: { ...agent },
    supplier: { id, name, type },
    tenants: record.tenants.map((tenant) => ({ ...tenant })),
    landlordUrl: `${self}/landlord`,
    policiesUrl: `${self}/policies`,
  };
}
