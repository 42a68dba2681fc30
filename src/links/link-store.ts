/** The vendor objects the gateway links to a tenant, where no vendor can list them by e-mail. */
export type LinkKind = 'referencingRequest' | 'reposit' | 'account';

/**
 * Tenant ↔ vendor id links, per agency. Links are many-to-many (a reposit has several tenants),
 * idempotent to write, and listed newest first. E-mails are normalised by the store.
 */
export interface LinkStore {
  link(agencyId: string, email: string, kind: LinkKind, vendorId: string): Promise<void>;
  unlink(agencyId: string, email: string, kind: LinkKind, vendorId: string): Promise<void>;
  /** For each e-mail, the linked ids of one kind, newest link first. */
  idsFor(agencyId: string, emails: readonly string[], kind: LinkKind): Promise<string[][]>;
  /** For each vendor id, the e-mails linked to it, first linked first. */
  emailsFor(agencyId: string, kind: LinkKind, vendorIds: readonly string[]): Promise<string[][]>;
}
