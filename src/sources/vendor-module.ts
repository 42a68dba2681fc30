import type { LinkStore } from '../links/link-store';
import type { SandboxAccountProfile } from '../sandbox/accounts';
import type { SandboxAccountId } from '../sandbox/credentials';
import type { DemoPerson } from '../sandbox/demo-people';
import type { ReportDocumentStore } from '../links/report-documents';
import type { ActiveSimulator } from '../sandbox/vendor-simulator';
import type { Topic } from '../subscriptions/topics';
import type { ResponseHeaders, VendorErrorBody, VendorHttp } from './http';
import type { VendorName } from './vendor-error';

/** What every agency shares at a vendor: the CRM's own identity there. */
export interface CrmIdentity {
  /** REPOSIT_REFERRER_TOKEN: identifies the CRM to Reposit, for every agency. */
  repositReferrerToken: string | undefined;
}

/** An agency's account at a vendor: its base URL and one string per credential. */
export type VendorAccountOf<Credential extends string> = { baseUrl: string } & Record<Credential, string>;

/**
 * How an account is written: in AGENCIES_FILE and the admin mutations (`credentials`), and as the
 * environment variables of agency `default` (`<envPrefix>_BASE_URL`, each credential's variable).
 */
export interface VendorAccountSchema<Credential extends string> {
  /** Each credential field, with the environment variable that gives it to agency `default`. */
  credentials: Record<Credential, string>;
  /** Starts the `_BASE_URL` and `_MAX_CONNECTIONS` variables. */
  envPrefix: string;
  /** Where the vendor's own documentation points; without one, baseUrl is required. */
  defaultBaseUrl?: string;
}

/** What a webhook route's reader may use while it records a notification, all for one agency. */
export interface WebhookRecording<Client> {
  agencyId: string;
  links: LinkStore;
  reportDocuments: ReportDocumentStore;
  /** The agency's client at this vendor; undefined when the agency is gone. */
  client(): Promise<Client | undefined>;
}

/** The event a notification becomes, once its tenants are linked and its documents kept. */
export interface RecordedNotification {
  topic: Topic;
  tenantEmails: string[];
  subjectId: string;
}

/** A vendor's notifications, served at `POST /webhooks/<route>/:secret`. */
export interface VendorWebhook<Route extends string, Client, Notification> {
  /** The route's path segment; it also names the vendor in dead letters and deduplication keys. */
  route: Route;
  /** Reads a body; throws PayloadError naming the field for anything it cannot take. */
  read(body: unknown): Notification;
  /** Links and stores what the notification says; throws only when a store cannot take it now. */
  record(notification: Notification, recording: WebhookRecording<Client>): Promise<RecordedNotification>;
}

/** What seeds one simulated agency's account at a vendor, in sandbox mode. */
export interface SandboxSeed {
  profile: SandboxAccountProfile;
  people: DemoPerson[];
}

/** The vendor as the sandbox plays it, one account per simulated agency. */
export interface VendorSandbox<Credential extends string, Client, Simulator> {
  /** Where the sandbox server mounts the vendor's routes. */
  prefix: string;
  /** The keys each simulated agency holds at the vendor, and its simulator accepts. */
  credentials: Record<SandboxAccountId, Record<Credential, string>>;
  simulate(seed: SandboxSeed): Simulator;
  /** Its renters or tenants act on their own: the sandbox driver moves them on. */
  active?: Simulator extends ActiveSimulator ? true : never;
  /** Points the account's notifications at the agency's webhook URL; undefined turns them off. */
  sendWebhooksTo?(simulator: Simulator, url: string | undefined): void;
  /** What a simulated agency does once at start-up, as it would with the real vendor (e.g. register its webhooks). */
  atStart?(client: Client, callbackUrl: string): Promise<void>;
}

/**
 * One vendor, as the rest of the gateway sees it: the gateway iterates these and names no vendor
 * of its own. `Credential` names an agency's credentials there, `Client` the typed client,
 * `Loaders` its per-request DataLoaders, `Simulator` its sandbox, `Notification` what its webhooks
 * say (if it has any).
 */
export interface VendorModule<Key extends string, Credential extends string, Client, Loaders, Simulator, Notification = never> {
  /** How an agency's configuration names the vendor. */
  key: Key;
  /** How errors, metrics and readiness name it (its title is beside it, in vendor-names.ts). */
  name: VendorName;
  /** The topics of the events its webhooks become, by the name code uses (`TOPICS.<name>`). */
  topics?: Record<string, string>;
  /**
   * Where one webhook reader serves several topics: for each topic name, the notification that
   * topic holds, narrowed from what the reader gives; throws PayloadError when it is another. A
   * stored event is read back with `webhook.read`, then with this (decodeEvent), and GatewayEvent
   * pairs each topic with the type it narrows to. Without it, a topic holds any notification.
   */
  topicNotifications?: Record<string, (notification: Notification) => Notification>;
  account: VendorAccountSchema<Credential>;
  /** Reads the vendor's error bodies into message, request id and field errors. */
  readErrorBody(body: unknown, headers: ResponseHeaders): VendorErrorBody;
  /** The client of one agency's account; without an account, `http` fails every call with NO_ACCOUNT. */
  createClient(http: VendorHttp, account: VendorAccountOf<Credential> | undefined, crm: CrmIdentity): Client;
  createLoaders(client: Client): Loaders;
  webhook?: VendorWebhook<string, Client, Notification>;
  sandbox: VendorSandbox<Credential, Client, Simulator>;
}
