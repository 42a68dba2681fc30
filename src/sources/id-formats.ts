/** A UUID, as Canopy's ids and client branch ids are. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a vendor's id looks like, in its doc's terms, and how a refusal describes it. */
export interface IdFormat {
  pattern: RegExp;
  /** Completes "must be …". */
  description: string;
}

/** Canopy Servicing: `account_id` and `product_id` are `string(uuid)`. */
export const CANOPY_SERVICING_ID: IdFormat = { pattern: UUID, description: 'a Canopy Servicing id (a UUID)' };

/**
 * Canopy Referencing documents `canopyReferenceId` and `canopyBranchId` only as strings (its
 * examples are `canopy_reference_id` and UUIDs): letters, digits, `_` and `-` hold both, and
 * nothing that could change the path they go into.
 */
export const CANOPY_REFERENCING_ID: IdFormat = {
  pattern: /^[A-Za-z0-9_-]{1,100}$/,
  description: 'a Canopy Referencing id (up to 100 letters, digits, "_" or "-")',
};

/** Reposit's reposit ids: `rep_xdFEdfgeDxoC`, and `ep_F32iOv3xE3Nmrp` in its webhooks before completion. */
export const REPOSIT_ID: IdFormat = { pattern: /^(rep|ep)_[A-Za-z0-9]{1,64}$/, description: 'a Reposit id ("rep_…" or "ep_…", letters and digits)' };
