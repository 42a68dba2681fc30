import type { GatewayContext } from '../../context';

/** After a write, nothing Canopy answered earlier in the request is trusted: balances, lists and counts may all have moved. */
export function forgetServicingAnswers(ctx: GatewayContext): void {
  for (const loader of Object.values(ctx.loaders.canopyServicing)) loader.clearAll();
}
