import { CANOPY_REFERENCING_NAME } from './canopy-referencing/name';
import { CANOPY_SERVICING_NAME } from './canopy-servicing/name';
import { REPOSIT_NAME } from './reposit/name';

/**
 * Every vendor's name and title. They are listed apart from VENDORS because vendor-error.ts needs
 * them, and every vendor's client imports vendor-error.ts (through http.ts).
 */
const VENDOR_NAMES = [CANOPY_REFERENCING_NAME, CANOPY_SERVICING_NAME, REPOSIT_NAME] as const;

export type VendorName = (typeof VENDOR_NAMES)[number]['name'];

/** A vendor's name as a person reads it in a message. */
export const VENDOR_TITLES = Object.fromEntries(VENDOR_NAMES.map(({ name, title }) => [name, title])) as Record<VendorName, string>;
