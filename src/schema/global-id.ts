import { decodeGlobalID } from '@pothos/plugin-relay';

/**
 * The vendor id a root lookup was given: the vendor's own id (`rep_x`), or the Relay global id of
 * the same type, which is accepted too so a client can pass back whichever it holds.
 */
export function vendorIdOf(typename: string, id: string): string {
  try {
    const decoded = decodeGlobalID(id);
    if (decoded.typename === typename) return decoded.id;
  } catch {
    // Not a global id: the vendor's own.
  }
  return id;
}
