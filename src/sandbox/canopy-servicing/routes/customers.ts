import {
  COUNTRY_CODE_VALUES,
  CUSTOMER_ACCOUNT_ROLE_VALUES,
  LITHIC_CARD_STATE_VALUES,
  LITHIC_CARD_TYPE_VALUES,
} from '../../../sources/canopy-servicing/types';
import type { WireAccountAssignment, WireBusinessDetails, WireCustomer } from '../../../sources/canopy-servicing/wire';
import { inIdSpace } from '../../id-space';
import { json, type SandboxRoute } from '../../vendor-simulator';
import type { SimulatorContext } from '../context';
import { canopyStyleId } from '../ids';
import { invalidInput } from '../replies';
import type { CanopyServicingState } from '../state';
import {
  E164,
  EMAIL,
  Problems,
  readArray,
  readDate,
  readEnum,
  readInteger,
  readObject,
  readString,
  US_ZIP,
  UUID,
} from '../validation';

const NOT_CANOPY_PREFIXED = /^(?!can_).*$/;
const MAX_ASSIGNMENTS = 100;

/** `POST /customers`, as the create-customer page documents it: 200 with the customer, 422 for invalid input. */
export function customerRoutes({ state }: SimulatorContext): SandboxRoute[] {
  let generated = 0;
  return [
    {
      method: 'POST',
      path: '/customers',
      handle(request) {
        const problems = new Problems();
        const body = readObject(request.body, 'body', problems, { required: true }) ?? {};
        const customer = readCustomer(body, problems);
        const assignments = readAssignments(body.assign_to_accounts, state, problems);
        if (customer.customer_id !== undefined && state.customers.has(customer.customer_id)) {
          problems.add('customer_id', 'is already used by another customer');
        }
        if (!problems.empty) return invalidInput(422, problems.list);
        const customerId = customer.customer_id ?? canopyStyleId(inIdSpace(state.idSpace, `customer:generated:${++generated}:${customer.email}`));
        const created: WireCustomer = { ...customer, customer_id: customerId };
        state.customers.set(customerId, { customer: created, assignments });
        return json(200, created);
      },
    },
  ];
}

function readCustomer(body: Record<string, unknown>, problems: Problems): Omit<WireCustomer, 'customer_id'> & { customer_id?: string } {
  const optional = (field: string) => readString(body[field], field, problems);
  const required = (field: string) => readString(body[field], field, problems, { required: true });
  return {
    customer_id: readString(body.customer_id, 'customer_id', problems, {
      pattern: NOT_CANOPY_PREFIXED,
      patternMessage: 'must not start with can_ (pattern ^(?!can_).*$)',
    }),
    name_prefix: optional('name_prefix'),
    name_first: required('name_first'),
    name_middle: optional('name_middle'),
    name_last: required('name_last'),
    name_suffix: optional('name_suffix'),
    phone_number: readString(body.phone_number, 'phone_number', problems, {
      required: true,
      pattern: E164,
      patternMessage: 'must be in E.164 format, e.g. +14105556789',
    }),
    address_line_one: required('address_line_one'),
    address_line_two: optional('address_line_two'),
    address_city: required('address_city'),
    address_state: required('address_state'),
    address_zip: readString(body.address_zip, 'address_zip', problems, {
      required: true,
      pattern: US_ZIP,
      patternMessage: "must be a five digit zipcode or a nine digit 'ZIP+4'",
    }),
    address_country_code: readEnum(body.address_country_code, COUNTRY_CODE_VALUES, 'address_country_code', problems),
    ssn: optional('ssn'),
    international_customer_id: optional('international_customer_id'),
    email: readString(body.email, 'email', problems, { required: true, pattern: EMAIL, patternMessage: 'must be an email address' }),
    date_of_birth: readDate(body.date_of_birth, 'date_of_birth', problems, { required: true }),
    business_details: readBusinessDetails(body.business_details, problems),
  };
}

function readBusinessDetails(value: unknown, problems: Problems): WireBusinessDetails | undefined {
  const record = readObject(value, 'business_details', problems);
  if (!record) return undefined;
  return {
    business_legal_name: readString(record.business_legal_name, 'business_details.business_legal_name', problems),
    doing_business_as: readString(record.doing_business_as, 'business_details.doing_business_as', problems, { required: true }) ?? '',
    business_ein: readString(record.business_ein, 'business_details.business_ein', problems, { required: true }) ?? '',
  };
}

function readAssignments(value: unknown, state: CanopyServicingState, problems: Problems): WireAccountAssignment[] {
  const list = readArray(value, 'assign_to_accounts', problems, { max: MAX_ASSIGNMENTS }) ?? [];
  return list.flatMap((entry, i) => {
    const path = `assign_to_accounts[${i}]`;
    const record = readObject(entry, path, problems, { required: true });
    if (!record) return [];
    const accountId = readString(record.account_id, `${path}.account_id`, problems, { required: true });
    if (accountId !== undefined && !state.liveAccount(accountId)) problems.add(`${path}.account_id`, 'no account has this id');
    const config = readObject(record.customer_account_issuer_processor_config, `${path}.customer_account_issuer_processor_config`, problems);
    const configPath = `${path}.customer_account_issuer_processor_config`;
    const lithic = config && readObject(config.lithic, `${configPath}.lithic`, problems);
    return [
      {
        account_id: accountId ?? '',
        customer_account_role:
          readEnum(record.customer_account_role, CUSTOMER_ACCOUNT_ROLE_VALUES, `${path}.customer_account_role`, problems, { required: true }) ??
          'PRIMARY',
        customer_account_external_id: readString(record.customer_account_external_id, `${path}.customer_account_external_id`, problems),
        customer_account_issuer_processor_config: config && {
          spend_limit: readInteger(config.spend_limit, `${configPath}.spend_limit`, problems, { min: 1 }) ?? null,
          lithic: lithic && {
            memo: readString(lithic.memo, `${configPath}.lithic.memo`, problems),
            type: readEnum(lithic.type, LITHIC_CARD_TYPE_VALUES, `${configPath}.lithic.type`, problems),
            state: readEnum(lithic.state, LITHIC_CARD_STATE_VALUES, `${configPath}.lithic.state`, problems),
            card_program_token: readString(lithic.card_program_token, `${configPath}.lithic.card_program_token`, problems, {
              pattern: UUID,
              patternMessage: 'must be a UUID',
            }),
          },
        },
      },
    ];
  });
}
