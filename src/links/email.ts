/** The Tenant's key in every vendor: an e-mail, trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
