/** The scopes of DESIGN.md ("Agencies and access"). */
export const SCOPES = ['read', 'write', 'pii', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** How a principal proved who it is: what a live subscription keeps checking. */
export type PrincipalCredential =
  | { kind: 'jwt'; /** Epoch milliseconds; undefined when the token has no `exp`. */ expiresAt: number | undefined }
  | { kind: 'apiKey'; keyId: string }
  /** AUTH=off: the single-agency escape hatch. */
  | { kind: 'none' };

/** Who is calling, for which one agency, with which scopes. Every operation has exactly one. */
export interface Principal {
  /** The token's `sub`, or `api-key:<id>`. Never the credential itself. */
  subject: string;
  agencyId: string;
  scopes: ReadonlySet<Scope>;
  credential: PrincipalCredential;
  /** An API key for all agencies, naming `agencyId` per request: a CRM operator's, who may create and delete agencies. */
  allAgencies?: boolean;
}
