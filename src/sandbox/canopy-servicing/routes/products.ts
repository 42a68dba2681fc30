import { randomUUID } from 'node:crypto';
import type { WireProductSummary, WireProductWriteResult } from '../../../sources/canopy-servicing/wire';
import { json, type SandboxRequest, type SandboxRoute } from '../../vendor-simulator';
import type { SimulatorContext } from '../context';
import { balanceAsOf } from '../ledger';
import { dateTime, presentProduct } from '../present';
import { isComplete, readProductBody, type ProductBody } from '../product-body';
import { readQuery } from '../query';
import { invalidInput, productNotFound, refuse } from '../replies';
import type { ProductRecord } from '../state';
import { Problems } from '../validation';

/**
 * Products. Where the reference lists "204" with a body (create, update, delete), the simulator
 * answers 200 with that body: a 204 cannot carry one, and callers need the product id.
 */
export function productRoutes({ state, now }: SimulatorContext): SandboxRoute[] {
  function present(product: ProductRecord, asOf: Date) {
    return presentProduct(product, state.accountsOfProduct(product.productId, asOf).map((account) => account.accountId));
  }

  return [
    {
      method: 'GET',
      path: '/products',
      handle(request) {
        const query = readQuery(request, now());
        if (!query.problems.empty) return invalidInput(400, query.problems.list);
        const products = [...state.products.values()].filter((product) => state.productAsOf(product.productId, query.asOf));
        if (products.length === 0) return refuse(404, 'No Products');
        return json(200, products.map((product) => present(product, query.asOf)));
      },
    },
    {
      method: 'POST',
      path: '/products',
      handle(request) {
        const problems = new Problems();
        const body = readProductBody(request.body, problems);
        if (!body) return invalidInput(422, problems.list);
        const status = publishStatus(body, problems);
        if (!status) return invalidInput(422, problems.list);
        const product: ProductRecord = { ...body, productId: randomUUID(), status, createdAt: now() };
        state.products.set(product.productId, product);
        return json(200, writeResult(product));
      },
    },
    {
      method: 'GET',
      path: '/products/:product_id',
      handle(request) {
        const query = readQuery(request, now());
        if (!query.problems.empty) return invalidInput(400, query.problems.list);
        const product = state.productAsOf(param(request), query.asOf);
        return product ? json(200, present(product, query.asOf)) : productNotFound();
      },
    },
    {
      method: 'PUT',
      path: '/products/:product_id',
      handle(request) {
        const query = readQuery(request, now());
        if (!query.problems.empty) return invalidInput(400, query.problems.list);
        const product = state.productAsOf(param(request), now());
        if (!product) return productNotFound();
        if (product.status !== 'draft') {
          return refuse(422, 'Products must be in the draft state to be updated', [
            { field: 'product_id', message: 'is live' },
          ]);
        }
        const problems = new Problems();
        const body = readProductBody(request.body, problems);
        if (!body) return invalidInput(422, problems.list);
        const merged = {
          name: body.name,
          type: body.type,
          defaultRate: body.defaultRate ?? product.defaultRate,
          defaultCreditLimitCents: body.defaultCreditLimitCents ?? product.defaultCreditLimitCents,
          description: body.description ?? product.description,
          status: body.status,
          policies: body.policies ?? product.policies,
        };
        const status = publishStatus(merged, problems);
        if (!status) return invalidInput(422, problems.list);
        Object.assign(product, merged, { status });
        return json(200, writeResult(product));
      },
    },
    {
      method: 'DELETE',
      path: '/products/:product_id',
      handle(request) {
        const product = state.productAsOf(param(request), now());
        if (!product) return productNotFound();
        product.deletedAt = now();
        const result: WireProductWriteResult = { name: product.name, product_id: product.productId };
        return json(200, result);
      },
    },
    {
      method: 'GET',
      path: '/products/:product_id/summaries',
      handle(request) {
        const query = readQuery(request, now());
        if (!query.problems.empty) return invalidInput(400, query.problems.list);
        const product = state.productAsOf(param(request), query.asOf);
        if (!product) return productNotFound();
        const accounts = state.accountsOfProduct(product.productId, query.asOf);
        const issued = accounts.reduce((sum, account) => sum + account.creditLimitCents, 0);
        const owed = accounts.reduce(
          (sum, account) => sum + Math.max(0, balanceAsOf(state.lineItemsOf(account.accountId), query.asOf)),
          0,
        );
        const summary: WireProductSummary = {
          total_account_count: String(accounts.length),
          total_credit_issued: String(issued),
          utilization: String(issued === 0 ? 0 : Math.round((owed / issued) * 1000) / 10),
          product_id: product.productId,
          effective_as_of_date: dateTime(query.asOf),
        };
        return json(200, summary);
      },
    },
  ];
}

function param(request: SandboxRequest): string {
  return request.params.product_id ?? '';
}

/** `live` needs every field the reference lists; without a status, a complete product goes live. */
function publishStatus(body: ProductBody, problems: Problems): 'draft' | 'live' | undefined {
  const complete = isComplete(body);
  if (body.status === 'live' && !complete) {
    problems.add(
      'status',
      'can only be live with name, default_rate, default_credit_limit_cents and a base policy configuration',
    );
    return undefined;
  }
  return body.status ?? (complete ? 'live' : 'draft');
}

function writeResult(product: ProductRecord): WireProductWriteResult {
  return { name: product.name, product_id: product.productId, status: product.status };
}
