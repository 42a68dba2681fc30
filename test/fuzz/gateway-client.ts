/** Posts fuzz inputs to a running gateway over one keep-alive pool, and checks it stays healthy. */
import { Pool } from 'undici';

export interface Answer {
  status: number;
  text: string;
}

export function createFuzzClient(url: string, connections: number) {
  const pool = new Pool(url, { connections, pipelining: 1 });
  return {
    async post(path: string, body: string, headers: Record<string, string>): Promise<Answer> {
      const response = await pool.request({ method: 'POST', path, body, headers });
      return { status: response.statusCode, text: await response.body.text() };
    },
    /** True when `/healthz` answers 200. */
    async healthy(): Promise<boolean> {
      const response = await pool.request({ method: 'GET', path: '/healthz' }).catch(() => undefined);
      await response?.body.dump();
      return response?.statusCode === 200;
    },
    close: () => pool.close(),
  };
}

export type FuzzClient = ReturnType<typeof createFuzzClient>;
