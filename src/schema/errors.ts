import { VendorError } from '../sources/vendor-error';
import { builder } from './builder';
import { ValidationError, type FieldProblem } from './validation-error';

export const UserError = builder.interfaceRef<Error>('UserError').implement({
  description: 'An expected failure of a mutation, returned as data rather than thrown.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

const FieldProblemType = builder.objectRef<FieldProblem>('FieldProblem').implement({
  fields: (t) => ({
    field: t.exposeString('field', { description: 'Path into the input, e.g. `addresses.0.postCode`.' }),
    rule: t.exposeString('rule', { description: 'The rule broken, e.g. `required`, `oneOf`, `greaterThan`.' }),
    message: t.exposeString('message'),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input broke the vendor documentation’s rules; no vendor was called.',
  interfaces: [UserError],
  fields: (t) => ({
    problems: t.field({ type: [FieldProblemType], resolve: (error) => error.problems }),
  }),
});

builder.objectType(VendorError, {
  name: 'VendorError',
  description: 'A vendor refused or failed the call.',
  interfaces: [UserError],
  fields: (t) => ({
    code: t.exposeString('code', { description: 'NOT_FOUND, BAD_USER_INPUT, UNAUTHENTICATED, VENDOR_UNAVAILABLE, …' }),
    vendor: t.exposeString('vendor'),
    status: t.exposeInt('status', { nullable: true, description: 'The vendor’s HTTP status, if it answered.' }),
    vendorMessage: t.exposeString('vendorMessage', { nullable: true }),
    requestId: t.exposeString('requestId', { nullable: true }),
  }),
});
