import type { WireExternalId } from '../../sources/canopy-servicing/wire';
import { Problems, readArray, readObject, readString } from './validation';

/** An `external_ids` array: `{ name, id }` pairs naming the account or payment elsewhere. */
export function readExternalIds(value: unknown, field: string, problems: Problems): WireExternalId[] {
  const list = readArray(value, field, problems) ?? [];
  return list.flatMap((entry, i) => {
    const record = readObject(entry, `${field}[${i}]`, problems, { required: true });
    if (!record) return [];
    return [{ name: readString(record.name, `${field}[${i}].name`, problems), id: readString(record.id, `${field}[${i}].id`, problems) }];
  });
}
