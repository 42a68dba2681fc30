import { addInterval, parseInterval } from '../../sources/canopy-servicing/interval';
import type { BasePolicyConfig, ProductInput } from '../../sources/canopy-servicing/types';
import { ProblemList } from '../validation-error';
import { checkText } from '../input-checks';
import { checkAtLeast, checkListed, given } from './rules';

export interface InterestPolicyInputShape {
  type?: string | null;
  method?: string | null;
  dayCalcType?: string | null;
  interestCalcTime?: Date | null;
}

export interface BasePolicyConfigInputShape {
  minPayPercentage?: number | null;
  billingCyclePeriod?: string | null;
  billingDueDateInterval?: string | null;
  interestPolicy?: InterestPolicyInputShape | null;
  closeOfBusinessAndTimezone?: Date | null;
}

export interface ProductInputShape {
  name: string;
  type?: string | null;
  defaultRate?: number | null;
  defaultCreditLimitCents?: number | null;
  description?: string | null;
  status?: string | null;
  basePolicyConfig?: BasePolicyConfigInputShape | null;
}

/** Every rule of the product body (`POST /products`, `PUT /products/{id}`), all problems at once. */
export function validateProduct(input: ProductInputShape, problems = new ProblemList()): ProductInput {
  checkText(problems, 'name', input.name);
  checkListed(problems, 'type', input.type);
  checkListed(problems, 'status', input.status);
  checkAtLeast(problems, 'defaultRate', input.defaultRate, 0);
  checkAtLeast(problems, 'defaultCreditLimitCents', input.defaultCreditLimitCents, 0);
  const config = input.basePolicyConfig;
  if (config) checkPolicyConfig(config, problems);
  if (input.status === 'live') {
    const needed: Array<[string, unknown]> = [
      ['defaultRate', input.defaultRate],
      ['defaultCreditLimitCents', input.defaultCreditLimitCents],
      ['basePolicyConfig.minPayPercentage', config?.minPayPercentage],
      ['basePolicyConfig.billingCyclePeriod', config?.billingCyclePeriod],
      ['basePolicyConfig.billingDueDateInterval', config?.billingDueDateInterval],
    ];
    for (const [field, value] of needed) {
      if (value === null || value === undefined) problems.add(field, 'requiredWhen', 'is required to publish a product as LIVE');
    }
  }
  problems.throwIfAny();
  return {
    name: input.name.trim(),
    type: given(input.type) as ProductInput['type'],
    defaultRate: given(input.defaultRate),
    defaultCreditLimitCents: given(input.defaultCreditLimitCents),
    description: given(input.description),
    status: given(input.status) as ProductInput['status'],
    basePolicyConfig: config ? toPolicyConfig(config) : undefined,
  };
}

function checkPolicyConfig(config: BasePolicyConfigInputShape, problems: ProblemList): void {
  const path = 'basePolicyConfig';
  checkAtLeast(problems, `${path}.minPayPercentage`, config.minPayPercentage, 0);
  if (config.minPayPercentage != null && config.minPayPercentage > 100) {
    problems.add(`${path}.minPayPercentage`, 'max', 'must be at most 100 (percent)');
  }
  const period = checkInterval(problems, `${path}.billingCyclePeriod`, config.billingCyclePeriod);
  const due = checkInterval(problems, `${path}.billingDueDateInterval`, config.billingDueDateInterval);
  if (period && due) {
    const from = new Date(Date.UTC(2021, 0, 1));
    if (addInterval(from, due) > addInterval(from, period)) {
      problems.add(`${path}.billingDueDateInterval`, 'withinCycle', 'cannot exceed the start of the next billing cycle');
    }
  }
  const interest = config.interestPolicy;
  if (interest) {
    checkListed(problems, `${path}.interestPolicy.type`, interest.type);
    checkListed(problems, `${path}.interestPolicy.method`, interest.method);
    checkListed(problems, `${path}.interestPolicy.dayCalcType`, interest.dayCalcType);
  }
}

function checkInterval(problems: ProblemList, field: string, value: string | null | undefined) {
  if (value === null || value === undefined) return undefined;
  const interval = parseInterval(value);
  if (!interval) problems.add(field, 'format', "must be an interval such as '1 month', '3 months' or '25 days'");
  return interval;
}

function toPolicyConfig(config: BasePolicyConfigInputShape): BasePolicyConfig {
  const interest = config.interestPolicy;
  return {
    minPayPercentage: given(config.minPayPercentage),
    billingCyclePeriod: given(config.billingCyclePeriod)?.trim(),
    billingDueDateInterval: given(config.billingDueDateInterval)?.trim(),
    interestPolicy: interest
      ? {
          type: given(interest.type),
          method: given(interest.method),
          dayCalcType: interest.dayCalcType ? Number(interest.dayCalcType) : undefined,
          interestCalcTime: given(interest.interestCalcTime),
        }
      : undefined,
    closeOfBusinessAndTimezone: given(config.closeOfBusinessAndTimezone),
  };
}
