/** The events Reposit's webhooks become, named `entity:event`. */
export const REPOSIT_TOPICS = {
  repositChanged: 'reposit:changed',
} as const;
