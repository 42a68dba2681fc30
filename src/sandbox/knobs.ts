import type { VendorName } from '../sources/vendor-error';

export interface LatencySettings {
  /** Added to every answer. @default 0 */
  fixedMs: number;
  /** A further uniformly random delay from 0 to this. @default 0 */
  jitterMs: number;
}

export interface FaultRule {
  /** Only this vendor's calls; all vendors when absent. */
  vendor?: VendorName;
  /** Only this endpoint, as `METHOD /route/:pattern`; all endpoints when absent. */
  endpoint?: string;
  /** The status to answer with, or `hang` to never answer. */
  status: number | 'hang';
  /**
   * Let the vendor act on the call first, then answer with `status` instead of its own answer:
   * a write that went through but whose answer failed (503), or the empty "204" the Canopy
   * Servicing reference lists beside its bodies. A 2xx status is answered without a body.
   */
  afterApplying?: boolean;
  /** Sent as Retry-After (seconds) with the answer. */
  retryAfterSeconds?: number;
  /** How many calls the rule applies to before it lapses; forever when absent. */
  times?: number;
}

export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'hang'; afterApplying: boolean }
  | { kind: 'status'; status: number; retryAfterSeconds?: number; afterApplying: boolean };

/** The dials that tests and benchmarks turn: latency, a random error rate and forced faults. */
export class SandboxKnobs {
  private latency = new Map<VendorName | '*', LatencySettings>();
  private errorRates = new Map<VendorName | '*', number>();
  private faults: FaultRule[] = [];

  /** Sets the latency of one vendor, or of all vendors without a setting of their own. */
  setLatency(latency: Partial<LatencySettings>, vendor?: VendorName): void {
    this.latency.set(vendor ?? '*', { fixedMs: latency.fixedMs ?? 0, jitterMs: latency.jitterMs ?? 0 });
  }

  /** Share of calls (0 to 1) answered with a 500, for one vendor or all. */
  setErrorRate(rate: number, vendor?: VendorName): void {
    if (!(rate >= 0 && rate <= 1)) throw new RangeError('error rate must be between 0 and 1');
    this.errorRates.set(vendor ?? '*', rate);
  }

  addFault(rule: FaultRule): void {
    this.faults.push({ ...rule });
  }

  reset(): void {
    this.latency.clear();
    this.errorRates.clear();
    this.faults = [];
  }

  delayFor(vendor: VendorName): number {
    const latency = this.latency.get(vendor) ?? this.latency.get('*');
    if (!latency) return 0;
    return latency.fixedMs + Math.random() * latency.jitterMs;
  }

  /** Decides the fate of one call; a matching rule with `times` is used up by it. */
  faultFor(vendor: VendorName, endpoint: string): FaultDecision {
    const index = this.faults.findIndex(
      (rule) => (!rule.vendor || rule.vendor === vendor) && (!rule.endpoint || rule.endpoint === endpoint),
    );
    const rule = this.faults[index];
    if (rule) {
      if (rule.times !== undefined && --rule.times <= 0) this.faults.splice(index, 1);
      const afterApplying = rule.afterApplying ?? false;
      if (rule.status === 'hang') return { kind: 'hang', afterApplying };
      return { kind: 'status', status: rule.status, retryAfterSeconds: rule.retryAfterSeconds, afterApplying };
    }
    const rate = this.errorRates.get(vendor) ?? this.errorRates.get('*') ?? 0;
    return Math.random() < rate ? { kind: 'status', status: 500, afterApplying: false } : { kind: 'none' };
  }
}
