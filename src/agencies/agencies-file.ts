import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { ConfigError } from '../config-error';
import type { Agency } from './agency';
import { AgencyFieldError, readAgencyId, readAgencyName, readMapping, readVendors, type ReadCredential } from './agency-input';

type Env = Record<string, string | undefined>;

/** `${NAME}` as the whole value: the file names the variable, the environment holds the secret. */
const ENV_REFERENCE = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

/** A ConfigError of AGENCIES_FILE that also names the file and the place in it. */
export class AgenciesFileError extends ConfigError {
  constructor(
    readonly file: string,
    readonly where: string,
    expected: string,
  ) {
    super('AGENCIES_FILE', expected);
    this.message = `AGENCIES_FILE ${file}: ${where}: expected ${expected}`;
  }
}

/**
 * The agencies of AGENCIES_FILE (YAML, or JSON, which is YAML too): a list of `{ id, name, vendors }`.
 * Read once at start; any mistake stops the start with an AgenciesFileError, which never quotes a value.
 */
export function readAgenciesFile(path: string, env: Env): Agency[] {
  const document = parseDocument(readText(path));
  const [syntaxError] = document.errors;
  if (syntaxError) {
    // The parser's own message quotes the line, which may hold a credential: only where and what.
    const at = syntaxError.linePos?.[0];
    throw new AgenciesFileError(path, at ? `line ${at.line}, column ${at.col}` : 'file', `valid YAML or JSON (${syntaxError.code})`);
  }
  let root: unknown;
  try {
    root = document.toJS();
  } catch {
    throw new AgenciesFileError(path, 'file', 'YAML without excessive aliases');
  }
  try {
    return readAgencies(root, fromEnvironment(env));
  } catch (error) {
    if (error instanceof AgencyFieldError) throw new AgenciesFileError(path, error.path, error.expected);
    throw error;
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new AgenciesFileError(path, 'file', `a readable file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
}

function readAgencies(root: unknown, readCredential: ReadCredential): Agency[] {
  if (!Array.isArray(root)) throw new AgencyFieldError('agencies', 'a list of agencies, each { id, name, vendors }');
  const firstPlace = new Map<string, string>();
  return root.map((item, index) => {
    const path = `agencies[${index}]`;
    const fields = readMapping(item, path, ['id', 'name', 'vendors']);
    const id = readAgencyId(fields.id, `${path}.id`);
    const earlier = firstPlace.get(id);
    if (earlier) throw new AgencyFieldError(`${path}.id`, `an id of its own (${earlier} has the same)`);
    firstPlace.set(id, path);
    const name = readAgencyName(fields.name, `${path}.name`);
    const vendors = fields.vendors === undefined ? {} : readVendors(fields.vendors, `${path}.vendors`, readCredential);
    return { id, name, source: 'file', vendors };
  });
}

function fromEnvironment(env: Env): ReadCredential {
  return (raw, path) => {
    const reference = ENV_REFERENCE.exec(raw);
    if (!reference) {
      if (raw.includes('${')) throw new AgencyFieldError(path, 'a literal value, or ${NAME} as the whole value');
      return raw;
    }
    const name = reference[1]!;
    const value = env[name]?.trim();
    if (!value) throw new AgencyFieldError(path, `${name} to be set in the environment (it is unset or empty)`);
    return value;
  };
}
