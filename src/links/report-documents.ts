import type { Redis } from 'ioredis';

/** The PDFs of a completed Rent Passport, as Canopy's completed-report callback names them. */
export interface ReportDocuments {
  documentId: string;
  summaryDocumentId: string;
}

/**
 * Canopy gives the document ids of a report only in its completed-report callback, never through
 * its REST API: the gateway keeps them per referencing request, so reads can link the PDFs.
 */
export interface ReportDocumentStore {
  save(agencyId: string, canopyReferenceId: string, documents: ReportDocuments): Promise<void>;
  /** For each request, its documents, if a callback named them. */
  load(agencyId: string, canopyReferenceIds: readonly string[]): Promise<Array<ReportDocuments | undefined>>;
}

export function createRedisReportDocuments(redis: Redis, prefix: string): ReportDocumentStore {
  const key = (agency: string) => `${prefix}:{${agency}}:report-documents`;
  return {
    async save(agency, id, documents) {
      await redis.hset(key(agency), id, JSON.stringify(documents));
    },
    async load(agency, ids) {
      if (ids.length === 0) return [];
      const values = await redis.hmget(key(agency), ...ids);
      return values.map((value) => (value ? (JSON.parse(value) as ReportDocuments) : undefined));
    },
  };
}

export function createMemoryReportDocuments(): ReportDocumentStore {
  const saved = new Map<string, ReportDocuments>();
  return {
    async save(agency, id, documents) {
      saved.set(`${agency}\u0000${id}`, documents);
    },
    async load(agency, ids) {
      return ids.map((id) => saved.get(`${agency}\u0000${id}`));
    },
  };
}
