import type { WirePolicy } from '../../sources/reposit/wire';
import { repositStyleId } from './ids';
import type { RepositRecord } from './state';

/** Documents live on Reposit's CDN, which the sandbox does not play: a reserved domain says so. */
const DOCUMENT_ORIGIN = 'https://documents.reposit.sandbox.invalid';

/**
 * The deposit-waiver policy Reposit issues when the last tenant pays. Its type id follows the
 * documented `CAN_V2_3000_24` (cover in pounds, then months): cover here is six weeks' rent.
 */
export function issuePolicy(reposit: RepositRecord, issuedAt: Date): WirePolicy {
  const id = repositStyleId('pol', reposit.id, 12);
  const coverPounds = Math.round((reposit.ppm * 12 * 6) / 52 / 100) * 100;
  return {
    id,
    type: { id: `CAN_V2_${coverPounds}_${monthsBetween(reposit.startDate, reposit.endDate)}`, category: 'DEPOSIT_WAIVER' },
    startDate: `${reposit.startDate}T00:00:00.000Z`,
    endDate: `${reposit.endDate}T00:00:00.000Z`,
    documents: [
      {
        id: repositStyleId('doc', reposit.id, 12),
        type: 'Policy Summary',
        name: id,
        href: `${DOCUMENT_ORIGIN}/${id}/policy-certificate.pdf`,
        createdAt: issuedAt.toISOString(),
      },
    ],
  };
}

function monthsBetween(start: string, end: string): number {
  const [startYear, startMonth] = start.split('-').map(Number) as [number, number];
  const [endYear, endMonth] = end.split('-').map(Number) as [number, number];
  return Math.max(1, (endYear - startYear) * 12 + (endMonth - startMonth));
}
