import {
  PASSPORT_SETTING_SECTION_VALUES,
  WEBHOOK_TYPE_VALUES,
  type PassportSettingSection,
  type WebhookType,
} from '../../sources/canopy-referencing/enums';
import type { CanopyWebhookRegistrationInput } from '../../sources/canopy-referencing/types';
import { builder } from '../builder';
import { listed } from '../vendor-enum';
import { ProblemList } from '../validation-error';
import { checkOneOf } from './checks';
import { CanopyWebhookTypeEnum, PassportSettingSectionEnum } from './enums';

interface RegistrationShape {
  type: string;
  sections: string[] | null;
}

const RegisterCanopyWebhookInput = builder.inputType('RegisterCanopyWebhookInput', {
  fields: (t) => ({
    type: t.field({ type: CanopyWebhookTypeEnum, required: true }),
    sections: t.field({
      type: [PassportSettingSectionEnum],
      description: 'Only for PASSPORT_STATUS_UPDATES: the sections to be told about; empty or absent means every section.',
    }),
  }),
});

const UnregisterCanopyWebhookInput = builder.inputType('UnregisterCanopyWebhookInput', {
  fields: (t) => ({ type: t.field({ type: CanopyWebhookTypeEnum, required: true }) }),
});

const webhookType = (registration: { type: string }) => listed('CanopyWebhookType', WEBHOOK_TYPE_VALUES, registration.type);

const CanopyWebhookRegistration = builder.objectRef<RegistrationShape>('CanopyWebhookRegistration').implement({
  description: 'Canopy now sends this type of update to the gateway, which publishes them as subscription events.',
  fields: (t) => ({
    type: t.field({ type: CanopyWebhookTypeEnum, resolve: webhookType }),
    sections: t.field({
      type: [PassportSettingSectionEnum],
      nullable: true,
      description: 'The sections asked for; empty for every section, null for types other than PASSPORT_STATUS_UPDATES.',
      resolve: (registration) => registration.sections?.map((s) => listed('PassportSettingSection', PASSPORT_SETTING_SECTION_VALUES, s)) ?? null,
    }),
  }),
});

const CanopyWebhookUnregistered = builder.objectRef<{ type: string }>('CanopyWebhookUnregistered').implement({
  description: 'Canopy no longer sends this type of update.',
  fields: (t) => ({ type: t.field({ type: CanopyWebhookTypeEnum, resolve: webhookType }) }),
});

builder.mutationFields((t) => ({
  registerCanopyWebhook: t.field({
    type: CanopyWebhookRegistration,
    errors: {},
    // Registration points the agency's vendor account at the gateway: admin, not write.
    skipTypeScopes: true,
    authScopes: { admin: true },
    description: 'Has Canopy send one type of update to the gateway’s own webhook URL; registering a type again replaces it.',
    args: { input: t.arg({ type: RegisterCanopyWebhookInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const problems = new ProblemList();
      checkOneOf(problems, 'type', input.type, WEBHOOK_TYPE_VALUES);
      const sections = input.sections ?? null;
      if (sections !== null && input.type !== 'PASSPORT_STATUS_UPDATES') {
        problems.add('sections', 'allowedOnlyWhen', 'applies only when type is PASSPORT_STATUS_UPDATES');
      }
      sections?.forEach((section, i) => checkOneOf(problems, `sections.${i}`, section, PASSPORT_SETTING_SECTION_VALUES));
      problems.throwIfAny();
      const registration: CanopyWebhookRegistrationInput = { type: input.type as WebhookType, callbackUrl: ctx.callbackUrls.canopy };
      if (input.type === 'PASSPORT_STATUS_UPDATES') registration.additionalSettings = (sections ?? []) as PassportSettingSection[];
      const registered = await ctx.clients.canopyReferencing.registerWebhook(registration);
      return { type: registered.webhookType, sections: registration.additionalSettings ?? null };
    },
  }),
  unregisterCanopyWebhook: t.field({
    type: CanopyWebhookUnregistered,
    errors: {},
    skipTypeScopes: true,
    authScopes: { admin: true },
    description: 'Stops one type of update; Canopy answers NOT_FOUND when none is registered.',
    args: { input: t.arg({ type: UnregisterCanopyWebhookInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const problems = new ProblemList();
      checkOneOf(problems, 'type', input.type, WEBHOOK_TYPE_VALUES);
      problems.throwIfAny();
      return ctx.clients.canopyReferencing.unregisterWebhook(input.type as WebhookType).then(({ webhookType: type }) => ({ type }));
    },
  }),
}));
