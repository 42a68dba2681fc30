import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../config-error';

/** Document id → document text: the trusted documents, as `npm run codegen` writes them. */
export type Manifest = ReadonlyMap<string, string>;

/** The manifest of `operations/`, committed beside the documents. */
export const DEFAULT_MANIFEST_PATH = fileURLToPath(new URL('../../operations/persisted-documents.json', import.meta.url));

/**
 * A document's id: `sha256:` and the hex SHA-256 of its text exactly as the manifest holds it
 * (GraphQL over HTTP, "Persisted Documents", the sha256 hex document identifier). The server
 * never normalises what it hashes, so any manifest whose keys hash its values is trusted as is.
 */
export function documentHash(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/**
 * Reads a manifest in the GraphQL Code Generator format (`{ "sha256:<hex>": "<document>" }`) and
 * checks every key against its document, so an edited document cannot run under an old id.
 * `variable` names the setting the path came from, for the error.
 */
export function readManifest(path: string, variable: string): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new ConfigError(variable, 'a readable JSON file of persisted documents ({ "sha256:<hex>": "<document>" })');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigError(variable, 'a JSON object mapping "sha256:<hex>" to a document');
  }
  const manifest = new Map<string, string>();
  for (const [id, text] of Object.entries(raw)) {
    if (typeof text !== 'string' || documentHash(text) !== id) {
      throw new ConfigError(variable, `every key to be the SHA-256 of its document ("${id.slice(0, 80)}" is not)`);
    }
    manifest.set(id, text);
  }
  return manifest;
}
