import { randomUUID } from 'node:crypto';
import { CHARGE_STATUS_VALUES, LINE_ITEM_TYPE_FILTER_VALUES } from '../../../sources/canopy-servicing/types';
import type { WireDispute, WireLineItemCreated } from '../../../sources/canopy-servicing/wire';
import { json, type SandboxReply, type SandboxRequest, type SandboxRoute } from '../../vendor-simulator';
import type { SimulatorContext } from '../context';
import { readExternalIds } from '../external-ids';
import { availableCredit, balanceAsOf } from '../ledger';
import { presentLineItem } from '../present';
import { readQuery } from '../query';
import { accountNotFound, invalidInput, lineItemNotFound } from '../replies';
import type { AccountRecord, LineItemRecord } from '../state';
import {
  PHONE,
  Problems,
  readBoolean,
  readDateTime,
  readDecimal,
  readEnum,
  readInteger,
  readObject,
  readString,
} from '../validation';
import { accountId } from './accounts';

/** "Although the charge is being added to Canopy today, it can actually be effective as of 10 days ago." */
const MAX_BACKDATING_MS = 10 * 24 * 60 * 60 * 1000;
const TYPE_OF_FILTER = { charges: 'charge', payments: 'payment' } as const;

/**
 * Line items, disputes, charges, payments and loans. Creation answers 200 with the documented body
 * where the reference lists a "204" with one. Invalid input is a 422 "Invalid input".
 */
export function lineItemRoutes({ state, now }: SimulatorContext): SandboxRoute[] {
  function record(account: AccountRecord, item: Omit<LineItemRecord, 'accountId' | 'productId' | 'createdAt'>): SandboxReply {
    state.addLineItem({ ...item, accountId: account.accountId, productId: account.productId, createdAt: now() });
    const created: WireLineItemCreated = { line_item_id: item.lineItemId };
    return json(200, created);
  }

  function readEffectiveAt(value: unknown, problems: Problems, required: boolean): Date | undefined {
    const effectiveAt = readDateTime(value, 'effective_at', problems, { required });
    if (effectiveAt && now().getTime() - effectiveAt.getTime() > MAX_BACKDATING_MS) {
      problems.add('effective_at', 'can be at most 10 days in the past');
    }
    return effectiveAt;
  }

  /** The guide's optional `line_item_id`: the caller's choice, once per account. */
  function readGivenId(account: AccountRecord, value: unknown, problems: Problems): string | undefined {
    const givenId = readString(value, 'line_item_id', problems);
    if (givenId !== undefined && state.lineItemsOf(account.accountId).some((item) => item.lineItemId === givenId)) {
      problems.add('line_item_id', 'is already used on this account');
    }
    return givenId;
  }

  return [
    {
      method: 'GET',
      path: '/accounts/:account_id/line_items',
      handle(request) {
        const query = readQuery(request, now());
        const filter = readEnum(request.query.get('line_item_type') ?? undefined, LINE_ITEM_TYPE_FILTER_VALUES, 'line_item_type', query.problems);
        if (!query.problems.empty) return invalidInput(400, query.problems.list);
        const account = state.liveAccount(accountId(request));
        if (!account) return accountNotFound();
        const matching = state
          .lineItemsOf(account.accountId)
          .filter((item) => item.effectiveAt <= query.asOf && (!filter || item.type === TYPE_OF_FILTER[filter]));
        const page = matching.slice(query.offset, query.offset + query.limit);
        return json(200, page.map((item) => presentLineItem(item, { count: matching.length })));
      },
    },
    {
      method: 'POST',
      path: '/accounts/:account_id/line_items/:line_item_id/disputes',
      handle(request) {
        const account = state.liveAccount(accountId(request));
        if (!account) return accountNotFound();
        const item = state.lineItemsOf(account.accountId).find((candidate) => candidate.lineItemId === lineItemId(request));
        if (!item) return lineItemNotFound();
        // Disputing a disputed line item again answers the dispute already open.
        item.disputeId ??= randomUUID();
        const dispute: WireDispute = { account_id: account.accountId, line_item_id: item.lineItemId, dispute_id: item.disputeId };
        return json(200, dispute);
      },
    },
    {
      method: 'POST',
      path: '/accounts/:account_id/line_items/charges',
      handle(request) {
        const account = state.liveAccount(accountId(request));
        if (!account) return accountNotFound();
        const problems = new Problems();
        const body = readObject(request.body, 'body', problems, { required: true }) ?? {};
        // The line items guide's charge: a chosen `line_item_id`, a `line_item_status`, and the
        // amount as `original_amount_cents` where the reference writes `amount_cents`.
        const givenId = readGivenId(account, body.line_item_id, problems);
        const givenStatus = readEnum(body.line_item_status, CHARGE_STATUS_VALUES, 'line_item_status', problems);
        const amountField = body.amount_cents === undefined && body.original_amount_cents !== undefined ? 'original_amount_cents' : 'amount_cents';
        const amount = readInteger(body[amountField], amountField, problems, { required: true, min: 1 });
        const originalAmount =
          amountField === 'original_amount_cents' ? amount : readInteger(body.original_amount_cents, 'original_amount_cents', problems, { min: 1 });
        const effectiveAt = readEffectiveAt(body.effective_at, problems, true);
        const rate = readDecimal(body.rate, 'rate', problems, { min: 0 });
        const merchant = readObject(body.merchant_data, 'merchant_data', problems, { required: true });
        const mccCode = merchant && readDecimal(merchant.mcc_code, 'merchant_data.mcc_code', problems, { required: true });
        const merchantName = merchant && readString(merchant.name, 'merchant_data.name', problems);
        const merchantId = merchant && readString(merchant.id, 'merchant_data.id', problems);
        const phone = merchant && readString(merchant.phone_number, 'merchant_data.phone_number', problems, { pattern: PHONE, patternMessage: 'must be a phone number' });
        const referenceId = readString(body.reference_id, 'reference_id', problems);
        const externalIds = readExternalIds(body.external_ids, 'external_ids', problems);
        if (!problems.empty || amount === undefined || !effectiveAt) return invalidInput(422, problems.list);
        const available = availableCredit(account, balanceAsOf(state.lineItemsOf(account.accountId), now()));
        // A processor declines what the account cannot carry; the charge is still recorded, as declined.
        const declined = account.status !== 'active' || amount > available;
        return record(account, {
          lineItemId: givenId ?? randomUUID(),
          type: 'charge',
          status: declined ? 'declined' : (givenStatus ?? 'posted'),
          amountCents: amount,
          originalAmountCents: originalAmount,
          rate: rate ?? account.rate,
          merchantData: { name: merchantName, id: merchantId, mcc_code: mccCode, phone_number: phone },
          effectiveAt,
          referenceId: referenceId ?? randomUUID(),
          externalIds,
        });
      },
    },
    {
      method: 'POST',
      path: '/accounts/:account_id/line_items/payments',
      handle(request) {
        const account = state.liveAccount(accountId(request));
        if (!account) return accountNotFound();
        const problems = new Problems();
        const body = readObject(request.body, 'body', problems, { required: true }) ?? {};
        // The reference marks no payment field required; a payment without an amount records nothing, so it is refused.
        const amount = readInteger(body.amount_cents, 'amount_cents', problems, { required: true, min: 1 });
        const effectiveAt = readEffectiveAt(body.effective_at, problems, false) ?? now();
        const referenceId = readString(body.reference_id, 'reference_id', problems);
        const externalIds = readExternalIds(body.external_ids, 'external_ids', problems);
        if (!problems.empty || amount === undefined) return invalidInput(422, problems.list);
        return record(account, {
          lineItemId: randomUUID(),
          type: 'payment',
          status: 'successful',
          amountCents: amount,
          rate: account.rate,
          effectiveAt,
          referenceId: referenceId ?? randomUUID(),
          externalIds,
        });
      },
    },
    {
      method: 'POST',
      path: '/accounts/:account_id/line_items/loans',
      handle(request) {
        const account = state.liveAccount(accountId(request));
        if (!account) return accountNotFound();
        const problems = new Problems();
        const body = readObject(request.body, 'body', problems, { required: true }) ?? {};
        const givenId = readGivenId(account, body.line_item_id, problems);
        const amount = readInteger(body.original_amount_cents, 'original_amount_cents', problems, { required: true, min: 1 });
        const effectiveAt = readDateTime(body.effective_at, 'effective_at', problems, { required: true });
        readInteger(body.am_len, 'am_len', problems, { min: 1 });
        const interest = readObject(body.interest_policies, 'interest_policies', problems);
        const percent = interest && readDecimal(interest.interest_percent, 'interest_policies.interest_percent', problems, { min: 0 });
        if (interest) readBoolean(interest.is_limited_to_loan_duration, 'interest_policies.is_limited_to_loan_duration', problems);
        if (!problems.empty || amount === undefined || !effectiveAt) return invalidInput(422, problems.list);
        return record(account, {
          lineItemId: givenId ?? randomUUID(),
          type: 'loan',
          status: 'posted',
          amountCents: amount,
          originalAmountCents: amount,
          rate: percent ?? account.rate,
          effectiveAt,
          description: 'Installment loan',
          referenceId: randomUUID(),
          externalIds: [],
        });
      },
    },
  ];
}

function lineItemId(request: SandboxRequest): string {
  return request.params.line_item_id ?? '';
}
