import { AgencyChangeError } from '../../agencies/agency-change-error';
import { CanopyKeyRotationError } from '../../agencies/canopy-key-rotation';
import { CanopyKeyRotationRefused } from '../../agencies/canopy-key-rotations';
import { builder } from '../builder';
import { UserError } from '../errors';

/** A key to revoke that is not among the caller's keys; whether it exists elsewhere is not said. */
export class ApiKeyNotFound extends Error {
  override name = 'ApiKeyNotFound';
  constructor(readonly id: string) {
    super(`id: no API key "${id}" among this agency’s keys`);
  }
}

/** Run-time agencies and API keys live in Redis; a gateway without it refuses to make them. */
export class AdminStoreMissing extends Error {
  override name = 'AdminStoreMissing';
  constructor(what: string) {
    super(`${what} needs Redis, which this gateway has not got (set REDIS_URL)`);
  }
}

const AgencyChangeRefusalEnum = builder.enumType('AgencyChangeRefusal', {
  values: {
    RUNTIME_CHANGES_REFUSED: { description: 'No CREDENTIALS_KEY (or no Redis): only configured agencies are served.' },
    AGENCY_CONFIGURED: { description: 'The agency is defined in AGENCIES_FILE, the environment or sandbox mode, and changed there.' },
    AGENCY_EXISTS: {},
    AGENCY_NOT_FOUND: {},
  } as const,
});

builder.objectType(AgencyChangeError, {
  name: 'AgencyChangeRefused',
  description: 'The agency could not be changed; the message says what to do.',
  interfaces: [UserError],
  fields: (t) => ({ code: t.field({ type: AgencyChangeRefusalEnum, resolve: (error) => error.code }) }),
});

const CanopyKeyRotationFailureEnum = builder.enumType('CanopyKeyRotationFailure', {
  values: {
    UNDER_WAY: { value: 'under-way', description: 'Another rotation of this agency’s key is running; try again once it has finished.' },
    ANSWER_LOST: { value: 'answer-lost', description: 'Canopy replaced the key and its answer was lost: ask Canopy for a new key.' },
    OUTCOME_UNKNOWN: { value: 'outcome-unknown', description: 'Canopy did not answer; it is settled at the next start or rotation.' },
  } as const,
});

builder.objectType(CanopyKeyRotationError, {
  name: 'CanopyKeyRotationFailed',
  description: 'The rotation could not go ahead, or how it ended is not known.',
  interfaces: [UserError],
  fields: (t) => ({ reason: t.field({ type: CanopyKeyRotationFailureEnum, resolve: (error) => error.reason }) }),
});

const CanopyKeyRotationRefusalEnum = builder.enumType('CanopyKeyRotationRefusal', {
  values: {
    NEEDS_REDIS_AND_CREDENTIALS_KEY: { description: 'The new key would have nowhere sealed to be kept.' },
    NO_CANOPY_ACCOUNT: { description: 'The agency does not use Canopy Referencing.' },
  } as const,
});

builder.objectType(CanopyKeyRotationRefused, {
  name: 'CanopyKeyRotationRefused',
  description: 'This gateway cannot rotate the agency’s Canopy key; nothing was sent to Canopy.',
  interfaces: [UserError],
  fields: (t) => ({ code: t.field({ type: CanopyKeyRotationRefusalEnum, resolve: (error) => error.code }) }),
});

builder.objectType(ApiKeyNotFound, {
  name: 'ApiKeyNotFound',
  interfaces: [UserError],
  fields: (t) => ({ id: t.exposeID('id') }),
});

builder.objectType(AdminStoreMissing, {
  name: 'AdminStoreMissing',
  description: 'This gateway runs without Redis, so it keeps no run-time agencies or API keys.',
  interfaces: [UserError],
  fields: () => ({}),
});
