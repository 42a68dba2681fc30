import { addInterval, parseInterval } from '../../sources/canopy-servicing/interval';
import {
  DAY_CALC_TYPE_VALUES,
  INTEREST_METHOD_VALUES,
  INTEREST_POLICY_TYPE_VALUES,
  PRODUCT_STATUS_VALUES,
  PRODUCT_TYPE_VALUES,
  type BasePolicyConfig,
} from '../../sources/canopy-servicing/types';
import {
  Problems,
  readDateTime,
  readDecimal,
  readEnum,
  readInteger,
  readObject,
  readString,
} from './validation';

export interface ProductBody {
  name: string;
  type: string;
  defaultRate?: number;
  defaultCreditLimitCents?: number;
  description?: string;
  status?: 'draft' | 'live';
  policies?: BasePolicyConfig;
}

/** Reads `POST /products` and `PUT /products/{id}`, which take the same body. */
export function readProductBody(body: unknown, problems: Problems): ProductBody | undefined {
  const record = readObject(body, 'body', problems, { required: true });
  if (!record) return undefined;
  const name = readString(record.name, 'name', problems, { required: true });
  const type = readEnum(record.type, PRODUCT_TYPE_VALUES, 'type', problems) ?? 'credit';
  const defaultRate = readDecimal(record.default_rate, 'default_rate', problems, { min: 0 });
  const defaultCreditLimitCents = readInteger(record.default_credit_limit_cents, 'default_credit_limit_cents', problems, { min: 0 });
  const description = readString(record.description, 'description', problems);
  const status = readEnum(record.status, PRODUCT_STATUS_VALUES, 'status', problems);
  const policiesRecord = readObject(record.policies, 'policies', problems);
  const baseRecord = policiesRecord && readObject(policiesRecord.base_policy_config, 'policies.base_policy_config', problems);
  const policies = baseRecord && readPolicyConfig(baseRecord, 'policies.base_policy_config', problems);
  if (name === undefined || !problems.empty) return undefined;
  return { name, type, defaultRate, defaultCreditLimitCents, description, status, policies };
}

function readPolicyConfig(record: Record<string, unknown>, path: string, problems: Problems): BasePolicyConfig {
  const minPay = readObject(record.min_pay, `${path}.min_pay`, problems);
  const cycle = readObject(record.billing_cycle, `${path}.billing_cycle`, problems);
  const interest = readObject(record.interest_policies, `${path}.interest_policies`, problems);
  const minPayPercentage = minPay && readDecimal(minPay.percentage, `${path}.min_pay.percentage`, problems, { min: 0 });
  if (minPayPercentage !== undefined && minPayPercentage > 100) problems.add(`${path}.min_pay.percentage`, 'must be at most 100');
  const period = cycle && readInterval(cycle.period, `${path}.billing_cycle.period`, problems);
  const due = cycle && readInterval(cycle.billing_due_date_interval, `${path}.billing_cycle.billing_due_date_interval`, problems);
  if (period && due) {
    const parsedPeriod = parseInterval(period)!;
    const parsedDue = parseInterval(due)!;
    const from = new Date(Date.UTC(2021, 0, 1));
    if (addInterval(from, parsedDue) > addInterval(from, parsedPeriod)) {
      problems.add(`${path}.billing_cycle.billing_due_date_interval`, 'cannot exceed the start of the next billing cycle');
    }
  }
  const dayCalcType = interest && readEnum(interest.day_calc_type, DAY_CALC_TYPE_VALUES, `${path}.interest_policies.day_calc_type`, problems);
  return {
    minPayPercentage,
    billingCyclePeriod: period,
    billingDueDateInterval: due,
    interestPolicy: interest && {
      type: readEnum(interest.type, INTEREST_POLICY_TYPE_VALUES, `${path}.interest_policies.type`, problems),
      method: readEnum(interest.method, INTEREST_METHOD_VALUES, `${path}.interest_policies.method`, problems),
      dayCalcType: dayCalcType === undefined ? undefined : Number(dayCalcType),
      interestCalcTime: readDateTime(interest.interest_calc_time, `${path}.interest_policies.interest_calc_time`, problems),
    },
    closeOfBusinessAndTimezone: readDateTime(record.close_of_business_and_timezone, `${path}.close_of_business_and_timezone`, problems),
  };
}

function readInterval(value: unknown, field: string, problems: Problems): string | undefined {
  const text = readString(value, field, problems);
  if (text === undefined) return undefined;
  if (parseInterval(text)) return text;
  problems.add(field, "must be an interval such as '1 month' or '25 days'");
  return undefined;
}

/** The reference's minimum for a `live` product: name, rate, limit and a base policy configuration. */
export function isComplete(product: Omit<ProductBody, 'status'>): boolean {
  const policies = product.policies;
  return (
    product.defaultRate !== undefined &&
    product.defaultCreditLimitCents !== undefined &&
    policies?.minPayPercentage !== undefined &&
    policies.billingCyclePeriod !== undefined &&
    policies.billingDueDateInterval !== undefined
  );
}
