import type { WireAddress, WireAgent, WireLandlord, WirePolicy, WireSupplier, WireTenant } from '../../sources/reposit/wire';
import { inIdSpace } from '../id-space';
import { REPOSIT_SANDBOX_PREFIX } from './accounts';
import { repositStyleId } from './ids';

/** A Reposit as the simulator keeps it: the wire fields, with the agent by id and the landlord inside. */
export interface RepositRecord {
  id: string;
  /** Pounds, as Reposit keeps it. */
  ppm: number;
  headcount: number;
  startDate: string;
  endDate: string;
  letOnly: boolean | null;
  createdAt: string;
  closedAt: string | null;
  deactivatedAt: string | null;
  address: WireAddress;
  agentId: string;
  tenants: WireTenant[];
  landlord: WireLandlord;
  policies: WirePolicy[];
}

/**
 * Until a call reveals where the sandbox listens, hrefs in webhooks carry the sandbox's path on
 * a placeholder origin: clients follow them through `VendorHttp.pathOf`, which reads the path only.
 */
const PLACEHOLDER_BASE_URL = `http://localhost${REPOSIT_SANDBOX_PREFIX}`;

/** Everything the simulated Reposit knows, in memory. */
export class RepositStore {
  readonly reposits = new Map<string, RepositRecord>();
  /** The `Reposit-Referrer-Token` of the last authorised call; undefined when it had none. */
  lastReferrerToken: string | undefined;
  /** Where this Reposit is served, learnt from each call; used for hrefs in webhooks. */
  baseUrl = PLACEHOLDER_BASE_URL;
  /** The one endpoint webhooks go to; none until set. */
  webhookUrl: string | undefined;
  private created = 0;

  constructor(
    readonly apiKey: string,
    readonly supplier: WireSupplier,
    readonly agents: WireAgent[],
    /** Keeps this supplier's ids apart from another supplier's (see `inIdSpace`). @default '' */
    readonly idSpace = '',
  ) {}

  agent(id: string): WireAgent | undefined {
    return this.agents.find((agent) => agent.id === id);
  }

  add(record: RepositRecord): RepositRecord {
    this.reposits.set(record.id, record);
    return record;
  }

  /** The Reposits an e-mail is a tenant on, oldest first (e-mails compared trimmed and lower-cased). */
  repositsOf(email: string): RepositRecord[] {
    const wanted = email.trim().toLowerCase();
    return [...this.reposits.values()].filter((reposit) =>
      reposit.tenants.some((tenant) => tenant.email.trim().toLowerCase() === wanted),
    );
  }

  /** A fresh id for a Reposit created after seeding (through the API or by the simulated activity). */
  nextRepositId(): string {
    return repositStyleId('rep', inIdSpace(this.idSpace, `created:${++this.created}`));
  }
}
