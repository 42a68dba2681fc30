/**
 * The key an account's seeded id derives from. Ids derive from what they name (an e-mail, a
 * branch, a seed index), so the same person seeded into two accounts would get the same id;
 * the account's id space keeps them apart. An empty id space leaves the key as it is:
 * `sandbox-north`'s ids predate accounts, and operations/, the README and the tests name them.
 */
export function inIdSpace(idSpace: string, key: string): string {
  return idSpace === '' ? key : `${idSpace}/${key}`;
}
