import { mkdirSync } from 'node:fs';
import { testKafka } from '@order-service/test-support';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotifierTopics, removeTestTopics } from '../support/notifier-topics.ts';
import { makeChange, makeOrder } from '../support/order-fixtures.ts';
import { produceOrders, produceStatusChanges } from '../support/produce-orders.ts';
import { removeTestDataDirs, startTestNotifier, type TestNotifier } from '../support/start-test-notifier.ts';

const kafka = testKafka({ clientId: 'notifier-test' });
const artifacts = new URL('../../test-artifacts/', import.meta.url);
let browser: Browser;
let notifier: TestNotifier | undefined;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});
afterAll(async () => {
  await notifier?.stop();
  await browser?.close();
  await removeTestTopics();
  removeTestDataDirs();
});

const row = (page: Page, orderId: string) => page.locator(`#orders tr[data-order-id="${orderId}"]`);

describe('live page', () => {
  it('shows a new order and its status changes as they happen, without a reload', async () => {
    const topics = await createNotifierTopics(kafka);
    // Production mode: the page is opened once with ?key=, which sets the read-only cookie its
    // EventSource then carries.
    const apiKey = 'live-page-browser-key-0123456789';
    notifier = await startTestNotifier({
      topics,
      env: {
        NOTIFICATION_LOCALE: 'ru',
        LIVE_PAGE_HEARTBEAT_MS: '1000',
        ORDER_SERVICE_MODE: 'production',
        API_KEY: apiKey,
      },
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const denied = await page.goto(notifier.url);
    expect(denied?.status()).toBe(401);
    const opened = await page.goto(`${notifier.url}/?key=${apiKey}`);
    expect(opened?.status()).toBe(200);
    expect(new URL(page.url()).search).toBe('');
    await expectState(page, 'connected');
    let loads = 0;
    page.on('load', () => loads++);

    const order = makeOrder({ customer_id: 'anna' });
    await produceOrders(kafka, topics.created, [order]);
    await row(page, order.order_id).waitFor({ timeout: 60_000 });
    expect(await row(page, order.order_id).getAttribute('data-status')).toBe('NEW');
    expect(((await row(page, order.order_id).textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ')).toContain(
      '3 000,00 ₽',
    );

    await produceStatusChanges(kafka, topics.status, [makeChange(order, 'PROCESSING', 1)]);
    await page
      .locator(`#orders tr[data-order-id="${order.order_id}"][data-status="PROCESSING"]`)
      .waitFor({ timeout: 60_000 });
    await produceStatusChanges(kafka, topics.status, [makeChange(order, 'SHIPPED', 2)]);
    await page
      .locator(`#orders tr[data-order-id="${order.order_id}"][data-status="SHIPPED"]`)
      .waitFor({ timeout: 60_000 });

    const items = page.locator(`#notifications li[data-order-id="${order.order_id}"]`);
    await expect.poll(() => items.count(), { timeout: 30_000 }).toBe(2);
    expect(await items.first().locator('strong').textContent()).toBe(`Заказ ${order.order_id} отправлен`);
    expect(loads).toBe(0);
    expect(pageErrors).toEqual([]);

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: new URL('live-page.png', artifacts).pathname, fullPage: true });

    // The server goes away: the page says so instead of showing stale data as live.
    await notifier.stop();
    notifier = undefined;
    await expectState(page, 'disconnected');
    await page.close();
  });

  it('resyncs after a reconnect: a page that was away gets what happened meanwhile', async () => {
    const topics = await createNotifierTopics(kafka);
    notifier = await startTestNotifier({ topics });
    const { dataDir, groupId } = notifier;
    const address = new URL(notifier.url);
    const page = await browser.newPage();
    await page.goto(notifier.url);
    await expectState(page, 'connected');

    await notifier.stop();
    await expectState(page, 'disconnected');
    const order = makeOrder();
    await produceOrders(kafka, topics.created, [order]);
    // The same store and port: EventSource reconnects by itself and receives a fresh snapshot.
    notifier = await startTestNotifier({ topics, dataDir, groupId, port: Number(address.port) });
    await expectState(page, 'connected');
    await row(page, order.order_id).waitFor({ timeout: 60_000 });
    await page.close();
  });
});

async function expectState(page: Page, state: 'connected' | 'disconnected'): Promise<void> {
  await page.locator(`#connection[data-state="${state}"]`).waitFor({ timeout: 30_000 });
}
