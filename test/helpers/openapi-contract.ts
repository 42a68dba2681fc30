import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import type { Exchange } from '../../src/sandbox/server';
import type { VendorName } from '../../src/sources/vendor-error';

type Json = Record<string, unknown>;

/**
 * Checks sandbox exchanges against a vendor's OpenAPI 3.1 document
 * (`src/sources/<vendor>/openapi.yaml`): the request body against `requestBody`, the answer
 * against the response of its status (or `default`). Schemas may `$ref` `#/components/schemas/*`.
 */
export function loadContract(vendor: VendorName) {
  const file = new URL(`../../src/sources/${vendor}/openapi.yaml`, import.meta.url);
  const doc = parse(readFileSync(file, 'utf8')) as Json;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'openapi', components: doc.components ?? {} });
  const compiled = new Map<unknown, ValidateFunction>();

  const paths = (doc.paths ?? {}) as Record<string, Record<string, Json>>;
  const operations = new Map<string, Json>();
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) {
        operations.set(`${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`, operation);
      }
    }
  }

  function validate(schema: unknown, value: unknown, where: string): string[] {
    let check = compiled.get(schema);
    if (!check) {
      const rewritten = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/'));
      check = ajv.compile(rewritten);
      compiled.set(schema, check);
    }
    if (check(value)) return [];
    return (check.errors ?? []).map((e) => `${where}${e.instancePath || '/'} ${e.message}`);
  }

  function jsonSchema(content: unknown): unknown {
    const media = (content ?? {}) as Record<string, { schema?: unknown }>;
    return media['application/json']?.schema;
  }

  return {
    /** Endpoints the document describes, as `METHOD /route/:pattern`. */
    endpoints: (): string[] => [...operations.keys()].sort(),

    /** Problems with one exchange; empty when both sides agree with the document. */
    check(exchange: Exchange): string[] {
      const operation = operations.get(exchange.endpoint);
      if (!operation) return [`${exchange.endpoint}: not in the OpenAPI document`];
      const problems: string[] = [];
      const requestSchema = jsonSchema((operation.requestBody as Json | undefined)?.content);
      if (requestSchema && exchange.request.body !== undefined && exchange.reply.status < 400) {
        problems.push(...validate(requestSchema, exchange.request.body, `${exchange.endpoint} request `));
      }
      const responses = (operation.responses ?? {}) as Record<string, Json>;
      const response = responses[String(exchange.reply.status)] ?? responses.default;
      if (!response) return [...problems, `${exchange.endpoint}: status ${exchange.reply.status} is not documented`];
      const responseSchema = jsonSchema(response.content);
      if (responseSchema && 'json' in exchange.reply) {
        problems.push(...validate(responseSchema, exchange.reply.json, `${exchange.endpoint} ${exchange.reply.status} `));
      }
      return problems;
    },
  };
}
