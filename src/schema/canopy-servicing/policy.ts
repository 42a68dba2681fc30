import {
  DAY_CALC_TYPE_VALUES,
  INTEREST_METHOD_VALUES,
  INTEREST_POLICY_TYPE_VALUES,
  type BasePolicyConfig as BasePolicyConfigShape,
} from '../../sources/canopy-servicing/types';
import { builder } from '../builder';
import { listed } from '../vendor-enum';
import { DayCalcTypeEnum, InterestMethodEnum, InterestPolicyTypeEnum } from './enums';

type InterestPolicyShape = NonNullable<BasePolicyConfigShape['interestPolicy']>;

const InterestPolicy = builder.objectRef<InterestPolicyShape>('InterestPolicy').implement({
  description: 'How interest is calculated and assigned.',
  fields: (t) => ({
    type: t.field({
      type: InterestPolicyTypeEnum,
      nullable: true,
      resolve: (policy) => listed('InterestPolicyType', INTEREST_POLICY_TYPE_VALUES, policy.type),
    }),
    method: t.field({
      type: InterestMethodEnum,
      nullable: true,
      description: 'The actual base formula used to calculate and assign interest.',
      resolve: (policy) => listed('InterestMethod', INTEREST_METHOD_VALUES, policy.method),
    }),
    dayCalcType: t.field({
      type: DayCalcTypeEnum,
      nullable: true,
      description: 'Affects the base calculation by determining how many days there are in a given year.',
      resolve: (policy) =>
        listed('DayCalcType', DAY_CALC_TYPE_VALUES, policy.dayCalcType === undefined ? null : String(policy.dayCalcType)),
    }),
    interestCalcTime: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'The interest for this policy is calculated based on this time plus the interval time.',
      resolve: (policy) => policy.interestCalcTime ?? null,
    }),
  }),
});

export const BasePolicyConfig = builder.objectRef<BasePolicyConfigShape>('BasePolicyConfig').implement({
  description: 'A base group of policies that define a product, plan or promotion.',
  fields: (t) => ({
    minPayPercentage: t.float({
      nullable: true,
      description: 'The percentage of the total balance due as minimum payment for a pay period: 20 means 20%.',
      resolve: (config) => config.minPayPercentage ?? null,
    }),
    billingCyclePeriod: t.string({
      nullable: true,
      description: "The length of the billing cycle, after which a statement is generated and a due date assigned, e.g. '1 month'.",
      resolve: (config) => config.billingCyclePeriod ?? null,
    }),
    billingDueDateInterval: t.string({
      nullable: true,
      description:
        "The time between the statement cut and the billing due date, e.g. '25 days'. Cannot exceed the start of the next billing cycle.",
      resolve: (config) => config.billingDueDateInterval ?? null,
    }),
    interestPolicy: t.field({ type: InterestPolicy, nullable: true, resolve: (config) => config.interestPolicy ?? null }),
    closeOfBusinessAndTimezone: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Time and timezone of the close of business, used for statement cuts and reconciliation.',
      resolve: (config) => config.closeOfBusinessAndTimezone ?? null,
    }),
  }),
});
