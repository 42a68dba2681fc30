import type { CanopyServicingState } from './state';

/** What every route of the simulator shares. */
export interface SimulatorContext {
  state: CanopyServicingState;
  /** The simulator's clock: "now" for defaults, as-of dates and the backdating limit. */
  now: () => Date;
}
