import type { RedisClient } from '../redis-client';
import type { CanopyReport } from '../sources/canopy-referencing/types';

/** A completed Rent Passport's report, as Canopy's completed-report callback gives it. */
export type ReportDocuments = CanopyReport;

/**
 * Canopy gives a report's verdict, maximum rent, guarantor flags and document ids only in its
 * completed-report callback, never through its REST API: the gateway keeps the callback's
 * document per referencing request, so reads can report it and link the PDFs.
 */
export interface ReportDocumentStore {
  save(agencyId: string, canopyReferenceId: string, documents: ReportDocuments): Promise<void>;
  /** For each request, its documents, if a callback named them. */
  load(agencyId: string, canopyReferenceIds: readonly string[]): Promise<Array<ReportDocuments | undefined>>;
}

export function createRedisReportDocuments(redis: RedisClient, prefix: string): ReportDocumentStore {
  const key = (agency: string) => `${prefix}:{${agency}}:report-documents`;
  return {
    async save(agency, id, documents) {
      await redis.hset(key(agency), id, JSON.stringify(documents));
    },
    async load(agency, ids) {
      if (ids.length === 0) return [];
      const values = await redis.hmget(key(agency), ...ids);
      return values.map((value) => (value ? readStored(value) : undefined));
    },
  };
}

/** Entries written before the whole document was kept hold only the two ids: they report nothing. */
function readStored(value: string): ReportDocuments | undefined {
  const stored = JSON.parse(value) as Partial<ReportDocuments>;
  return stored.status === undefined ? undefined : (stored as ReportDocuments);
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
