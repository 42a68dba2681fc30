import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPrefixTransform, getComposedSchemaFromConfig } from '@graphql-mesh/compose-cli';
import { DefaultLogger } from '@graphql-mesh/utils';
import { loadOpenAPISubgraph } from '@omnigraph/openapi';

const SOURCES = fileURLToPath(new URL('../../../src/sources/', import.meta.url));

export interface PeerVendors {
  canopyReferencing: { baseUrl: string; apiKey: string; authorization: string };
  canopyServicing: { baseUrl: string; token: string };
  reposit: { baseUrl: string; apiKey: string; referrerToken?: string };
}

/**
 * Composes the project's three vendor OpenAPI documents into one supergraph with GraphQL Mesh,
 * as a Mesh user would, with the sandbox's endpoints and credentials written in (the Canopy
 * access token is exchanged beforehand: Mesh has no step for Canopy's JWT exchange).
 * Returns the path of the supergraph file.
 */
export async function composePeerSupergraph(vendors: PeerVendors): Promise<string> {
  const supergraph = await getComposedSchemaFromConfig(
    {
      subgraphs: [
        {
          // the vendors share type names (Address, Error, …) that mean different things
          transforms: [createPrefixTransform({ value: 'CanopyReferencing_' })],
          sourceHandler: loadOpenAPISubgraph('CanopyReferencing', {
            source: join(SOURCES, 'canopy-referencing/openapi.yaml'),
            endpoint: vendors.canopyReferencing.baseUrl,
            operationHeaders: { 'x-api-key': vendors.canopyReferencing.apiKey, authorization: vendors.canopyReferencing.authorization },
          }),
        },
        {
          // the vendors share type names (Address, Error, …) that mean different things
          transforms: [createPrefixTransform({ value: 'CanopyServicing_' })],
          sourceHandler: loadOpenAPISubgraph('CanopyServicing', {
            source: join(SOURCES, 'canopy-servicing/openapi.yaml'),
            endpoint: vendors.canopyServicing.baseUrl,
            operationHeaders: { authorization: `Bearer ${vendors.canopyServicing.token}` },
          }),
        },
        {
          // the vendors share type names (Address, Error, …) that mean different things
          transforms: [createPrefixTransform({ value: 'Reposit_' })],
          sourceHandler: loadOpenAPISubgraph('Reposit', {
            source: join(SOURCES, 'reposit/openapi.yaml'),
            endpoint: vendors.reposit.baseUrl,
            operationHeaders: {
              authorization: `Bearer ${vendors.reposit.apiKey}`,
              ...(vendors.reposit.referrerToken ? { 'reposit-referrer-token': vendors.reposit.referrerToken } : {}),
            },
          }),
        },
      ],
    },
    new DefaultLogger('mesh-compose'),
  );
  const file = join(tmpdir(), `rentgraph-bench-peer-${process.pid}.graphql`);
  writeFileSync(file, supergraph);
  return file;
}
