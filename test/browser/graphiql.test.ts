import { getOperationAST, parse } from 'graphql';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphiqlTabs } from '../../src/schema/graphiql-tabs';
import { webhookSecretFor } from '../../src/subscriptions/webhook-secrets';
import { freshPage, launchChromium } from '../helpers/browser';
import { startGatewayProcess, type GatewayProcess } from '../helpers/gateway-process';
import { canopyExamples, postWebhook } from '../helpers/webhooks';

const WEBHOOK_SECRET = 'graphiql-test-webhook-secret';

const tabs = graphiqlTabs().map(({ query }, index) => {
  const operation = getOperationAST(parse(query));
  if (!operation?.name) throw new Error(`GraphiQL tab ${index} has no single named operation`);
  return { index, name: operation.name.value, type: operation.operation };
});

// The gateway as `npm start` runs it on a fresh clone: sandbox mode, with its development tokens.
let gateway: GatewayProcess;
let browser: Browser;

beforeAll(async () => {
  gateway = await startGatewayProcess({ WEBHOOK_SECRET });
  browser = await launchChromium();
  await gateway.waitUntilReady();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await gateway?.stop();
});

describe('GraphiQL in headless Chromium: every tab, run on a fresh page with the headers it opens with, answers data', () => {
  it.each(tabs)('$name', { timeout: 90_000 }, async ({ index, type }) => {
    const page = await freshPage(browser, `${gateway.url}/graphql`);
    try {
      await page.waitForSelector('.graphiql-execute-button', { timeout: 60_000 });
      await selectTab(page, index);
      // Nothing is typed: the page opens authenticated as sandbox-north.
      expect(JSON.parse(await headersText(page))).toEqual({ authorization: `Bearer ${gateway.printedTokens()['sandbox-north']}` });
      await page.click('.graphiql-execute-button');
      const shown = type === 'subscription' ? await firstEvent(page) : await answerShown(page);

      const answer = JSON.parse(shown) as { data?: Record<string, { __typename?: string } | null>; errors?: unknown };
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toBeTruthy();
      // A mutation answers a union: a ValidationError or a VendorError is data too, but not success.
      if (type === 'mutation') for (const result of Object.values(answer.data!)) expect(result?.__typename).toMatch(/Success$/);
    } finally {
      await page.context().close();
    }
  });
});

/** The tab list is reorderable and takes pointer gestures as drags, so the tab's button gets a DOM click. */
async function selectTab(page: Page, index: number): Promise<void> {
  await page.locator(`#graphiql-session-tab-${index}`).evaluate((button: HTMLElement) => button.click());
  await expect.poll(() => activeTab(page)).toBe(index);
}

/** Waits for the answer in GraphiQL's response pane and returns its whole text. */
async function answerShown(page: Page, timeout = 30_000): Promise<string> {
  let shown = '';
  await expect.poll(async () => (shown = await responseText(page)), { timeout }).toMatch(/^\{/);
  return shown;
}

/**
 * A subscription shows nothing until an event comes: Canopy's documented notifications for the
 * tab's tenant are posted one at a time until GraphiQL shows the first event.
 */
async function firstEvent(page: Page): Promise<string> {
  for (const example of Object.values(canopyExamples)) {
    expect((await postWebhook(gateway.url, 'canopy', example, webhookSecretFor(WEBHOOK_SECRET, 'sandbox-north'))).status).toBe(200);
    try {
      return await answerShown(page, 3_000);
    } catch {
      // the stream was not open yet when that one was stored; the next one goes out live
    }
  }
  throw new Error('no event reached GraphiQL');
}

/** The response editor's text: the pane itself renders only the lines that fit on screen. */
function responseText(page: Page): Promise<string> {
  return editorText(page, '-response.json');
}

/** The text of the active tab's Headers editor. */
function headersText(page: Page): Promise<string> {
  return editorText(page, '-headers.json');
}

function editorText(page: Page, suffix: string): Promise<string> {
  return page.evaluate((suffix) => {
    type Model = { uri: { path: string }; getValue(): string };
    const monaco = (window as unknown as { __MONACO?: { editor: { getModels(): Model[] } } }).__MONACO;
    return monaco?.editor.getModels().find((model) => model.uri.path.endsWith(suffix))?.getValue() ?? '';
  }, suffix);
}

async function activeTab(page: Page): Promise<number> {
  const stored = await page.evaluate(() => localStorage.getItem('graphiql:tabState'));
  return stored ? (JSON.parse(stored) as { activeTabIndex: number }).activeTabIndex : -1;
}
