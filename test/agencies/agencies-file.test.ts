import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAgenciesFile } from '../../src/agencies/agencies-file';
import { DEFAULT_BASE_URLS } from '../../src/agencies/agency-input';
import { ConfigError } from '../../src/config';

const SECRETS = {
  clientId: 'north-client-id-7731',
  secretKey: 'north-secret-key-that-must-not-show',
  apiKey: 'north-canopy-api-key-that-must-not-show',
  token: 'south-servicing-token-that-must-not-show',
  reposit: 'sk_live_south-reposit-key-that-must-not-show',
};

const dir = mkdtempSync(join(tmpdir(), 'rentgraph-agencies-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function file(text: string, extension = 'yaml'): string {
  const path = join(dir, `agencies-${files++}.${extension}`);
  writeFileSync(path, text);
  return path;
}

/** The refusal of a file; it must name AGENCIES_FILE, the file, and hold none of the secrets. */
function refusal(path: string, env: Record<string, string> = {}): string {
  try {
    readAgenciesFile(path, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('AGENCIES_FILE');
    const { message } = error as Error;
    expect(message).toContain(path);
    for (const secret of [...Object.values(SECRETS), ...Object.values(env)]) expect(message).not.toContain(secret);
    return message;
  }
  throw new Error('expected the file to be refused');
}

const NORTH_YAML = `
- id: north
  name: North Lettings
  vendors:
    canopyReferencing:
      baseUrl: https://referencing.example/
      clientId: ${SECRETS.clientId}
      secretKey: \${NORTH_SECRET_KEY}
      apiKey: "\${NORTH_API_KEY}"
- id: south
  name: South Homes
  vendors:
    canopyServicing: { token: "\${SOUTH_TOKEN}" }
    reposit:
      apiKey: ${SECRETS.reposit}
`;

describe('AGENCIES_FILE', () => {
  it('reads YAML, takes ${NAME} from the environment, and defaults base URLs where the vendor has one', () => {
    const agencies = readAgenciesFile(file(NORTH_YAML), { NORTH_SECRET_KEY: SECRETS.secretKey, NORTH_API_KEY: ` ${SECRETS.apiKey} `, SOUTH_TOKEN: SECRETS.token });
    expect(agencies).toEqual([
      {
        id: 'north',
        name: 'North Lettings',
        source: 'file',
        vendors: { canopyReferencing: { baseUrl: 'https://referencing.example', clientId: SECRETS.clientId, secretKey: SECRETS.secretKey, apiKey: SECRETS.apiKey } },
      },
      {
        id: 'south',
        name: 'South Homes',
        source: 'file',
        vendors: {
          canopyServicing: { baseUrl: DEFAULT_BASE_URLS.canopyServicing, token: SECRETS.token },
          reposit: { baseUrl: DEFAULT_BASE_URLS.reposit, apiKey: SECRETS.reposit },
        },
      },
    ]);
  });

  it('reads JSON alike, and allows the id default and an agency with no vendor', () => {
    const json = JSON.stringify([
      { id: 'default', name: 'The agency', vendors: { reposit: { baseUrl: 'http://reposit.test', apiKey: '${REPOSIT_KEY}' } } },
      { id: 'idle-agency', name: 'Idle' },
    ]);
    expect(readAgenciesFile(file(json, 'json'), { REPOSIT_KEY: SECRETS.reposit })).toEqual([
      { id: 'default', name: 'The agency', source: 'file', vendors: { reposit: { baseUrl: 'http://reposit.test', apiKey: SECRETS.reposit } } },
      { id: 'idle-agency', name: 'Idle', source: 'file', vendors: {} },
    ]);
  });

  it('names the unset variable and where it is used', () => {
    expect(refusal(file(NORTH_YAML), { NORTH_SECRET_KEY: SECRETS.secretKey, NORTH_API_KEY: SECRETS.apiKey, SOUTH_TOKEN: '  ' })).toMatch(
      /agencies\[1\]\.vendors\.canopyServicing\.token: expected SOUTH_TOKEN to be set in the environment/,
    );
  });

  const agency = (vendors: string, id = 'north') => `- id: ${id}\n  name: North\n  vendors:\n${vendors}`;
  const refusals: Array<[string, string, RegExp]> = [
    ['a mistyped credential name', agency(`    reposit: { apikey: ${SECRETS.reposit} }`), /agencies\[0\]\.vendors\.reposit\.apikey: expected only baseUrl, apiKey \(unknown field\)/],
    ['a missing credential', agency(`    reposit: { baseUrl: https://r.example }`), /agencies\[0\]\.vendors\.reposit\.apiKey: expected a value/],
    ['an unknown vendor', agency(`    deposito: { apiKey: ${SECRETS.reposit} }`), /agencies\[0\]\.vendors\.deposito: expected only canopyReferencing, canopyServicing, reposit/],
    ['a secret pasted as a key', agency(`    reposit: { "${SECRETS.reposit}": x, apiKey: y }`), /agencies\[0\]\.vendors\.reposit: expected only baseUrl, apiKey/],
    ['a number for a credential', agency(`    canopyServicing: { token: 123456 }`), /agencies\[0\]\.vendors\.canopyServicing\.token: expected a non-empty string/],
    ['Canopy Referencing without a base URL', agency(`    canopyReferencing: { clientId: a, secretKey: ${SECRETS.secretKey}, apiKey: c }`), /canopyReferencing\.baseUrl: expected an http\(s\) URL \(this vendor has no default\)/],
    ['a base URL that is not http(s)', agency(`    reposit: { baseUrl: "ftp://${SECRETS.reposit}.example", apiKey: y }`), /reposit\.baseUrl: expected a URL starting with http: or https:/],
    ['a base URL holding a password', agency(`    reposit: { baseUrl: "https://u:${SECRETS.reposit}@r.example", apiKey: y }`), /reposit\.baseUrl: expected a URL without a user name or password/],
    ['${NAME} inside a value', agency(`    reposit: { apiKey: "${SECRETS.reposit}\${SUFFIX}" }`), /reposit\.apiKey: expected a literal value, or \$\{NAME\} as the whole value/],
    ['an id out of its alphabet', agency(`    {}`, 'North_Lettings'), /agencies\[0\]\.id: expected an id of 1 to 63 lower-case letters, digits or "-"/],
    ['an id used twice', `- { id: north, name: A }\n- { id: south, name: B }\n- { id: north, name: C }`, /agencies\[2\]\.id: expected an id of its own \(agencies\[0\] has the same\)/],
    ['an agency without a name', `- { id: north, vendors: {} }`, /agencies\[0\]\.name: expected a name/],
    ['an unknown agency field', `- { id: north, name: N, vendor: {} }`, /agencies\[0\]\.vendor: expected only id, name, vendors/],
    ['a mapping where a list belongs', `north: { name: N }`, /agencies: expected a list of agencies/],
    ['an empty file', ``, /agencies: expected a list of agencies/],
    ['a syntax error next to a secret', `- id: north\n  vendors: { reposit: { apiKey: "${SECRETS.reposit} }`, /line \d+, column \d+: expected valid YAML or JSON \([A-Z_]+\)/],
    ['a duplicate key', `- id: north\n  name: N\n  name: ${SECRETS.reposit}`, /expected valid YAML or JSON \(DUPLICATE_KEY\)/],
  ];
  it.each(refusals)('refuses %s, naming the path and the rule and never the value', (_, text, expected) => {
    expect(refusal(file(text))).toMatch(expected);
  });

  it('refuses a file it cannot read', () => {
    expect(refusal(join(dir, 'missing.yaml'))).toMatch(/file: expected a readable file \(ENOENT\)/);
  });
});
