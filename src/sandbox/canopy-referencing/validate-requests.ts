/** Every rule the docs give for the link-branch, request-referencing, revoke-guarantor and webhook bodies. */
import {
  ITEM_TYPE_VALUES,
  PASSPORT_SETTING_SECTION_VALUES,
  REQUEST_TYPE_VALUES,
  VERIFIABLE_ITEM_TYPE_VALUES,
  WEBHOOK_TYPE_VALUES,
} from '../../sources/canopy-referencing/enums';
import { isListed } from '../../sources/open-enum';
import { FieldChecks } from './checks';
import type { FieldProblem } from './errors';

export function validateLinkBranch(body: unknown): FieldProblem[] {
  const checks = new FieldChecks();
  const root = checks.object(body, 'body');
  if (!root) return checks.problems;
  checks.string(root.canopyBranchId, 'canopyBranchId');
  // "It can be any string of uuid format."
  checks.uuid(root.clientBranchId, 'clientBranchId');
  return checks.problems;
}

export function validateReferencingRequest(body: unknown): FieldProblem[] {
  const checks = new FieldChecks();
  const root = checks.object(body, 'body');
  if (!root) return checks.problems;
  checks.email(root.email, 'email');
  for (const optional of ['firstName', 'lastName', 'title', 'phone', 'branchId', 'clientReferenceId']) {
    checks.string(root[optional], optional, false);
  }
  checks.url(root.callbackUrl, 'callbackUrl');
  const requestType = checks.oneOf(root.requestType, 'requestType', REQUEST_TYPE_VALUES);
  const itemType = checks.oneOf(root.itemType, 'itemType', ITEM_TYPE_VALUES);
  const flags = ['isGuarantorNeeded', 'isIdentityVerificationNeeded', 'isRightToRentNeeded'] as const;
  const values = Object.fromEntries(flags.map((flag) => [flag, checks.boolean(root[flag], flag, false)]));

  // "Applicable only if …": a flag set where it cannot apply is refused (as Joi's forbidden()), not silently dropped.
  if (requestType === 'GUARANTOR_SCREENING') {
    for (const flag of flags) {
      if (values[flag] === true) checks.fail('any.unknown', flag, `"${flag}" is not allowed when requestType is GUARANTOR_SCREENING`);
    }
  } else if (itemType !== undefined && !isListed(VERIFIABLE_ITEM_TYPE_VALUES, itemType)) {
    for (const flag of ['isIdentityVerificationNeeded', 'isRightToRentNeeded'] as const) {
      if (values[flag] === true) checks.fail('any.unknown', flag, `"${flag}" is not allowed when itemType is ${itemType}`);
    }
  }
  return checks.problems;
}

export function validateRevokeGuarantor(body: unknown): FieldProblem[] {
  const checks = new FieldChecks();
  const root = checks.object(body, 'body');
  if (root) checks.email(root.email, 'email');
  return checks.problems;
}

export function validateWebhookRegistration(body: unknown): FieldProblem[] {
  const checks = new FieldChecks();
  const root = checks.object(body, 'body');
  if (!root) return checks.problems;
  const type = checks.oneOf(root.type, 'type', WEBHOOK_TYPE_VALUES);
  checks.url(root.callbackUrl, 'callbackUrl');
  if (type !== undefined && type !== 'PASSPORT_STATUS_UPDATES') {
    checks.forbidden(root.additionalSettings, 'additionalSettings', 'unless type is PASSPORT_STATUS_UPDATES');
    return checks.problems;
  }
  const settings = checks.array(root.additionalSettings, 'additionalSettings', 0, false);
  settings?.forEach((section, i) => checks.oneOf(section, `additionalSettings.${i}`, PASSPORT_SETTING_SECTION_VALUES));
  return checks.problems;
}
