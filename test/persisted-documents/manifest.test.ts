import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';
import { printPersistedDocument } from '../../src/persisted-documents/manifest-plugin';
import { DEFAULT_MANIFEST_PATH, documentHash, readManifest } from '../../src/persisted-documents/manifest';

const OPERATIONS = new URL('../../operations/', import.meta.url);

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig({ SANDBOX: '1', ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('the persisted documents manifest', () => {
  it('holds every document of operations/, as npm run codegen prints it, and nothing else (run it when this fails)', () => {
    const files = readdirSync(OPERATIONS).filter((name) => name.endsWith('.graphql'));
    const expected = Object.fromEntries(
      files.map((name) => {
        const text = printPersistedDocument(parse(readFileSync(new URL(name, OPERATIONS), 'utf8')));
        return [documentHash(text), text];
      }),
    );
    expect(files.length).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(DEFAULT_MANIFEST_PATH, 'utf8'))).toEqual(expected);
  });

  it('is read with every id checked against its document', () => {
    const manifest = readManifest(DEFAULT_MANIFEST_PATH, 'PERSISTED_DOCUMENTS_MANIFEST');
    expect(manifest.size).toBe(readdirSync(OPERATIONS).filter((name) => name.endsWith('.graphql')).length);
    for (const [id, text] of manifest) expect(id).toBe(`sha256:${createHash('sha256').update(text).digest('hex')}`);
  });

  it('is refused at start-up when a document was edited under its old id, naming the variable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    const path = join(dir, 'edited.json');
    const text = '{ agency { id } }';
    writeFileSync(path, JSON.stringify({ [documentHash(text)]: '{ agency { id name } }' }));
    const error = configError({ PERSISTED_DOCUMENTS: 'require', PERSISTED_DOCUMENTS_MANIFEST: path });
    expect(error.variable).toBe('PERSISTED_DOCUMENTS_MANIFEST');
    expect(error.message).toMatch(/SHA-256 of its document/);
    writeFileSync(path, '[1, 2]');
    expect(configError({ PERSISTED_DOCUMENTS_MANIFEST: path }).expected).toMatch(/JSON object/);
    expect(configError({ PERSISTED_DOCUMENTS_MANIFEST: join(dir, 'missing.json') }).expected).toMatch(/readable JSON file/);
  });
});

describe('PERSISTED_DOCUMENTS', () => {
  it('is "allow" by default, and "require" by default when NODE_ENV=production', () => {
    expect(loadConfig({ SANDBOX: '1' }).persistedDocuments.mode).toBe('allow');
    const production = { SANDBOX: '1', NODE_ENV: 'production', AUTH_JWT_SECRET: 'a-secret-of-thirty-two-characters!' };
    expect(loadConfig(production).persistedDocuments.mode).toBe('require');
    expect(loadConfig({ ...production, PERSISTED_DOCUMENTS: 'allow' }).persistedDocuments.mode).toBe('allow');
  });

  it('keeps API keys to persisted documents unless PERSISTED_DOCUMENTS_API_KEYS=arbitrary', () => {
    expect(loadConfig({ SANDBOX: '1' }).persistedDocuments.apiKeys).toBe('persisted');
    expect(loadConfig({ SANDBOX: '1', PERSISTED_DOCUMENTS_API_KEYS: 'arbitrary' }).persistedDocuments.apiKeys).toBe('arbitrary');
  });

  it('refuses a value outside its choices, naming the variable and the choices', () => {
    expect(configError({ PERSISTED_DOCUMENTS: 'strict' }).message).toBe('PERSISTED_DOCUMENTS: expected one of off, allow, require');
    expect(configError({ PERSISTED_DOCUMENTS_API_KEYS: 'any' }).message).toBe('PERSISTED_DOCUMENTS_API_KEYS: expected one of persisted, arbitrary');
  });

  it('reads no manifest when off, and refuses one named for nothing', () => {
    expect(loadConfig({ SANDBOX: '1', PERSISTED_DOCUMENTS: 'off' }).persistedDocuments.manifest.size).toBe(0);
    expect(configError({ PERSISTED_DOCUMENTS: 'off', PERSISTED_DOCUMENTS_MANIFEST: DEFAULT_MANIFEST_PATH }).variable).toBe('PERSISTED_DOCUMENTS_MANIFEST');
  });
});
