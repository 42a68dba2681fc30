import type { DemoPerson } from '../demo-people';
import type { SandboxRoute, VendorSimulator } from '../vendor-simulator';
import { CANOPY_SERVICING_SANDBOX_CREDENTIALS } from './accounts';
import { bearerToken, refuseUnauthenticated } from './auth';
import type { SimulatorContext } from './context';
import { errorBody } from './replies';
import { accountRoutes } from './routes/accounts';
import { customerRoutes } from './routes/customers';
import { lineItemRoutes } from './routes/line-items';
import { productRoutes } from './routes/products';
import { statementRoutes } from './routes/statements';
import { seedState } from './seed';
import { CanopyServicingState } from './state';

export interface CanopyServicingSimulatorOptions {
  people: DemoPerson[];
  /** The simulator's clock; seeded billing cycles end before the month `now()` falls in. @default () => new Date() */
  now?: () => Date;
  /** The bearer token the simulator accepts. @default sandbox-north's */
  token?: string;
  /** Keeps this program's seeded ids apart from another program's (see `inIdSpace`). @default '' */
  idSpace?: string;
}

export interface CanopyServicingSimulator extends VendorSimulator {
  /** The simulator's data, for tests to find seeded ids (`accountIdByEmail`, `customerByEmail`). */
  state: CanopyServicingState;
}

/** Canopy Servicing v1.3, in memory: products, accounts, line items, statements and customers. */
export function createCanopyServicingSimulator(options: CanopyServicingSimulatorOptions): CanopyServicingSimulator {
  const now = options.now ?? (() => new Date());
  const token = options.token ?? CANOPY_SERVICING_SANDBOX_CREDENTIALS['sandbox-north'].token;
  const state = new CanopyServicingState(options.idSpace);
  seedState(state, options.people, now());
  const context: SimulatorContext = { state, now };

  const routes = [
    ...productRoutes(context),
    ...accountRoutes(context),
    ...lineItemRoutes(context),
    ...statementRoutes(context),
    ...customerRoutes(context),
  ].map(
    (route): SandboxRoute => ({
      ...route,
      handle: (request) => refuseUnauthenticated(request, token) ?? route.handle(request),
    }),
  );

  return {
    vendor: 'canopy-servicing',
    routes,
    errorBody: (status, message) => errorBody(status, message),
    acceptsCredential: (headers) => bearerToken(headers) === token,
    state,
  };
}
