/** How errors, metrics and readiness name Canopy Referencing, and how messages title it. */
export const CANOPY_REFERENCING_NAME = { name: 'canopy-referencing', title: 'Canopy Referencing' } as const;
