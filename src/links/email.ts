/** The Tenant's key in every vendor: an e-mail, trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A loose check, as the vendors' own: something@something.tld with no spaces. */
export function isEmail(email: string): boolean {
  return EMAIL.test(email);
}
