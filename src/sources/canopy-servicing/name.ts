/** How errors, metrics and readiness name Canopy Servicing, and how messages title it. */
export const CANOPY_SERVICING_NAME = { name: 'canopy-servicing', title: 'Canopy Servicing' } as const;
