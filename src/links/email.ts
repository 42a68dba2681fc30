/** The Tenant's key in every vendor: an e-mail, trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A loose e-mail format, as the vendors' own: something@something.tld with no spaces. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** RFC 5321's limit on a forward path, less its angle brackets. */
const MAX_EMAIL_LENGTH = 254;

export function isEmail(email: string): boolean {
  return email.length <= MAX_EMAIL_LENGTH && EMAIL.test(email);
}
