/** How errors, metrics and readiness name Reposit, and how messages title it. */
export const REPOSIT_NAME = { name: 'reposit', title: 'Reposit' } as const;
