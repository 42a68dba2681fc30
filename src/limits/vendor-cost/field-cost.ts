import type { LinkKind } from '../../links/link-store';
import type { VendorKey } from '../../sources/vendors';

/** Calls by vendor; a vendor left out is called 0 times. */
export type VendorCalls = Partial<Record<VendorKey, number>>;

/** A field's arguments, coerced as execution coerces them (defaults and variables applied). */
export type FieldArgs = Record<string, unknown>;

/**
 * What one field costs at the vendors, next to what it answers. The estimator multiplies it by
 * the objects the field is asked on, and the field's `items` by the objects its selection is asked on.
 */
export interface FieldCost {
  /** Calls per object the field is asked on. A number counts at its table's vendor. @default 0 */
  calls?: number | ((args: FieldArgs) => VendorCalls);
  /**
   * The loader the calls go through, keyed by the object: every field that reads the same loader
   * of one object shares its one call (a Rent Passport's status and its passport are one read).
   */
  read?: string;
  /** The calls are made once per request whatever the objects (a list the loader reads once, such as Canopy's branches). */
  perRequest?: boolean;
  /**
   * The loader reads every key of one batch in one call (Canopy Servicing's products of one date
   * are one list call): one call per depth of the document the field is asked at, the objects of
   * one depth resolving together.
   */
  batched?: boolean;
  /** The calls are made once per object the field answers (a list read item by item through a loader), not per object it is asked on. */
  perItem?: boolean;
  /** Objects the field answers per object it is asked on: for lists, the size bound. @default 1 */
  items?: number | ((args: FieldArgs) => number);
  /** The reads the answered objects already hold, so their fields need no call for them (a list answer that primes the item loader). */
  primes?: readonly string[];
  /** Reads every object below this field holds (an account's statements and line items are of the account already read). */
  primesBelow?: readonly string[];
  /** The answered objects are the tenant's linked ids of this kind: counted in the link store where the tenant's e-mail is known; implies `perItem`. */
  links?: LinkKind;
  /** The tenants the field answers, by normalised e-mail, where its arguments name them. */
  tenants?: (args: FieldArgs) => string[];
  /** Sizes of fields further down, known from this field's arguments (a mutation's input lists what its answer holds). */
  sizes?: (args: FieldArgs) => Record<string, number>;
  /** The cost in words, for the schema's description (root fields). */
  summary?: string;
}

/** One vendor's fields that cost calls or fan out, keyed `Type.field`. */
export interface CostTable {
  vendor: VendorKey | undefined;
  fields: Record<string, FieldCost>;
}
