/** Why an admin change to an agency was refused; the message says what to do, and never holds a credential. */
export type AgencyChangeRefusal =
  /** No CREDENTIALS_KEY (or no Redis): agencies come from AGENCIES_FILE and the environment only. */
  | 'RUNTIME_CHANGES_REFUSED'
  /** The agency is defined in AGENCIES_FILE, the environment or sandbox mode, and changed there. */
  | 'AGENCY_CONFIGURED'
  | 'AGENCY_EXISTS'
  | 'AGENCY_NOT_FOUND';

export class AgencyChangeError extends Error {
  override name = 'AgencyChangeError';
  constructor(
    readonly code: AgencyChangeRefusal,
    message: string,
  ) {
    super(message);
  }
}
