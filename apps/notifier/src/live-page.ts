import { createHash } from 'node:crypto';

// The browser side of the live page. Plain DOM and EventSource: no framework, no external asset.
// Data is only ever put into the page with textContent, never parsed as HTML.
const script = `
'use strict';
const orders = new Map();
const notifications = new Map();
const MAX_NOTIFICATIONS = 50;
const indicator = document.getElementById('connection');
const orderRows = document.getElementById('orders');
const notificationList = document.getElementById('notifications');

function setConnected(connected) {
  indicator.dataset.state = connected ? 'connected' : 'disconnected';
  indicator.textContent = connected ? 'Live' : 'Disconnected, reconnecting…';
}

function time(value) {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
}

function cell(text, className) {
  const element = document.createElement('td');
  element.textContent = text;
  if (className) element.className = className;
  return element;
}

function upsertOrder(order) {
  const known = orders.get(order.order_id);
  // Events can arrive twice (snapshot + live): never let an older status replace a newer one.
  if (known && Date.parse(known.status_updated_at) > Date.parse(order.status_updated_at)) return;
  orders.set(order.order_id, order);
}

function renderOrders() {
  const sorted = [...orders.values()].sort(
    (a, b) => Date.parse(b.status_updated_at) - Date.parse(a.status_updated_at),
  );
  orderRows.replaceChildren(
    ...sorted.map((order) => {
      const row = document.createElement('tr');
      row.dataset.orderId = order.order_id;
      row.dataset.status = order.status;
      row.append(
        cell(order.order_id),
        cell(order.customer_id),
        cell(order.total_text, 'amount'),
        cell(order.status, 'status status-' + order.status.toLowerCase()),
        cell(time(order.status_updated_at)),
      );
      return row;
    }),
  );
  document.getElementById('order-count').textContent = String(orders.size);
}

function renderNotifications() {
  const sorted = [...notifications.values()].sort((a, b) => b.received - a.received).slice(0, MAX_NOTIFICATIONS);
  notificationList.replaceChildren(
    ...sorted.map(({ notification }) => {
      const item = document.createElement('li');
      item.dataset.notificationId = notification.notification_id;
      item.dataset.orderId = notification.order_id;
      item.dataset.status = notification.status;
      const title = document.createElement('strong');
      title.textContent = notification.title;
      const text = document.createElement('p');
      text.textContent = notification.text;
      const meta = document.createElement('small');
      meta.textContent = notification.customer_id + ' · ' + time(notification.created_at);
      item.append(title, text, meta);
      return item;
    }),
  );
}

let arrival = 0;
function addNotification(notification) {
  if (!notifications.has(notification.notification_id)) {
    notifications.set(notification.notification_id, { notification, received: ++arrival });
  }
}

const events = new EventSource('events');
events.addEventListener('open', () => setConnected(true));
// EventSource reconnects on its own (after the server's retry: delay); this only shows the gap.
events.addEventListener('error', () => setConnected(false));
events.addEventListener('snapshot', (event) => {
  const snapshot = JSON.parse(event.data);
  for (const order of snapshot.orders) upsertOrder(order);
  for (const notification of [...snapshot.notifications].reverse()) addNotification(notification);
  renderOrders();
  renderNotifications();
  setConnected(true);
});
events.addEventListener('order', (event) => {
  upsertOrder(JSON.parse(event.data));
  renderOrders();
});
events.addEventListener('notification', (event) => {
  const { notification, order } = JSON.parse(event.data);
  addNotification(notification);
  if (order) upsertOrder(order);
  renderNotifications();
  renderOrders();
});
`;

const styles = `
body { font: 15px/1.4 system-ui, sans-serif; margin: 0; color: #1d2430; background: #f5f6f8; }
header { display: flex; align-items: center; gap: 1rem; padding: .8rem 1.5rem; background: #1d2430; color: #fff; }
h1 { font-size: 1.15rem; margin: 0; flex: 1; }
#connection { padding: .2rem .7rem; border-radius: 1rem; font-weight: 600; font-size: .85rem; }
#connection[data-state=connected] { background: #1f9d55; }
#connection[data-state=disconnected] { background: #c53030; }
main { display: grid; grid-template-columns: 3fr 2fr; gap: 1.5rem; padding: 1.5rem; }
section { background: #fff; border-radius: .5rem; padding: 1rem; box-shadow: 0 1px 2px #0002; }
h2 { font-size: 1rem; margin: 0 0 .6rem; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #e3e6eb; }
.amount { white-space: nowrap; }
.status { font-weight: 600; }
.status-processing { color: #2b6cb0; } .status-shipped { color: #805ad5; }
.status-delivered { color: #1f9d55; } .status-cancelled { color: #c53030; }
ul { list-style: none; margin: 0; padding: 0; }
li { border-bottom: 1px solid #e3e6eb; padding: .5rem 0; }
li p { margin: .2rem 0; }
small { color: #6b7280; }
`;

/** The live page and the hash its Content-Security-Policy allows for the inline script. */
export interface LivePage {
  html: string;
  contentSecurityPolicy: string;
}

function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

/**
 * Renders the live page once: one self-contained HTML document (inline CSS and JS), served with
 * a CSP that allows exactly its own inline script and style and same-origin connections.
 */
export function renderLivePage(): LivePage {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Order notifications (live)</title>
<style>${styles}</style>
</head>
<body>
<header>
<h1>Order notifications</h1>
<span id="connection" data-state="disconnected" role="status" aria-live="polite">Connecting…</span>
</header>
<main>
<section>
<h2>Orders (<span id="order-count">0</span>)</h2>
<table>
<thead><tr><th>Order</th><th>Customer</th><th>Total</th><th>Status</th><th>Updated</th></tr></thead>
<tbody id="orders"></tbody>
</table>
</section>
<section>
<h2>Latest notifications</h2>
<ul id="notifications"></ul>
</section>
</main>
<script>${script}</script>
</body>
</html>
`;
  const contentSecurityPolicy = [
    "default-src 'none'",
    `script-src ${sha256Source(script)}`,
    `style-src ${sha256Source(styles)}`,
    "connect-src 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html, contentSecurityPolicy };
}
