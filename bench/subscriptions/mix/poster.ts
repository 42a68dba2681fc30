import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import type { MixGateway } from './gateways';
import type { Notification } from './population';

const CONNECTIONS_PER_GATEWAY = 64;

/** What the gateway answered a webhook: the stored event's id, or why it was not stored. */
export interface Posted {
  notification: Notification;
  /** `performance.now()` just before the POST. */
  sentAt: number;
  eventId: string | undefined;
  /** `stored`, or the status / answer that was not (a 5xx, a `duplicate`, a network error). */
  outcome: string;
}

/** POSTs notifications to the gateways' webhook URLs as the vendors would, over a few keep-alive connections each. */
export class WebhookPoster {
  private readonly pools: Pool[];

  constructor(private readonly gateways: MixGateway[]) {
    this.pools = gateways.map((gateway) => new Pool(gateway.url, { connections: CONNECTIONS_PER_GATEWAY }));
  }

  async post(notification: Notification, gateway: number): Promise<Posted> {
    const body = JSON.stringify(notification.body);
    const secret = this.gateways[gateway]!.webhookSecret[notification.agency];
    const sentAt = performance.now();
    try {
      const response = await this.pools[gateway]!.request({
        path: `/webhooks/${notification.route}/${secret}`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const answer = (await response.body.json().catch(() => ({}))) as { status?: string; id?: string };
      const stored = response.statusCode === 200 && answer.status === 'stored';
      return { notification, sentAt, eventId: stored ? answer.id : undefined, outcome: stored ? 'stored' : `${response.statusCode} ${answer.status ?? ''}`.trim() };
    } catch (error) {
      return { notification, sentAt, eventId: undefined, outcome: `network: ${(error as Error).message}` };
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.pools.map((pool) => pool.close()));
  }
}
