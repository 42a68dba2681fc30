import { readFileSync } from 'node:fs';

/** Count and self size of one kind of object in a heap snapshot. */
export interface Kind {
  count: number;
  selfSize: number;
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/**
 * A V8 `.heapsnapshot` summed per kind of object: an object or closure by its constructor's (or
 * function's) name, anything else (strings, arrays, code, …) by its node type in parentheses, as
 * DevTools' summary view groups them.
 */
export function kindsOf(file: string): Map<string, Kind> {
  const { snapshot, nodes, strings } = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = snapshot.meta.node_fields;
  const types = snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const kinds = new Map<string, Kind>();
  for (let node = 0; node < nodes.length; node += width) {
    const type = types[nodes[node + typeAt]!]!;
    const name = type === 'object' || type === 'closure' ? strings[nodes[node + nameAt]!]! : `(${type})`;
    const kind = kinds.get(name) ?? { count: 0, selfSize: 0 };
    kind.count++;
    kind.selfSize += nodes[node + sizeAt]!;
    kinds.set(name, kind);
  }
  return kinds;
}

/** What grew from one snapshot to the next, per subscriber, largest self size first. */
export function growthPerSubscriber(before: Map<string, Kind>, after: Map<string, Kind>, subscribers: number): Array<{ name: string } & Kind> {
  return [...after]
    .map(([name, kind]) => ({
      name,
      count: (kind.count - (before.get(name)?.count ?? 0)) / subscribers,
      selfSize: (kind.selfSize - (before.get(name)?.selfSize ?? 0)) / subscribers,
    }))
    .sort((a, b) => b.selfSize - a.selfSize);
}
