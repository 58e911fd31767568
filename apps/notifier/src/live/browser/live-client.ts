import type { Notification } from '@order-service/contracts';
import type { LiveStreamEvents, OrderView } from '../live-messages.ts';

// The browser side of the live page (GET /), served as GET /live/live-client.js. Plain DOM and
// EventSource: no framework, no external asset. Data is only ever put into the page with
// textContent, never parsed as HTML. Type-checked for the browser by ./tsconfig.json (DOM, no Node).

const MAX_NOTIFICATIONS = 50;

interface ReceivedNotification {
  notification: Notification;
  /** Arrival order: the list shows the latest first. */
  received: number;
}

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`live page: no element #${id}`);
  return element;
}

const orders = new Map<string, OrderView>();
const notifications = new Map<string, ReceivedNotification>();
const indicator = byId('connection');
const orderRows = byId('orders');
const orderCount = byId('order-count');
const notificationList = byId('notifications');

function setConnected(connected: boolean): void {
  indicator.dataset.state = connected ? 'connected' : 'disconnected';
  indicator.textContent = connected ? 'Live' : 'Disconnected, reconnecting…';
}

function time(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
}

function cell(text: string, className?: string): HTMLTableCellElement {
  const element = document.createElement('td');
  element.textContent = text;
  if (className) element.className = className;
  return element;
}

function upsertOrder(order: OrderView): void {
  const known = orders.get(order.order_id);
  // Events can arrive twice (snapshot + live): never let an older status replace a newer one.
  if (known && Date.parse(known.status_updated_at) > Date.parse(order.status_updated_at)) return;
  orders.set(order.order_id, order);
}

function renderOrders(): void {
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
        cell(order.status, `status status-${order.status.toLowerCase()}`),
        cell(time(order.status_updated_at)),
      );
      return row;
    }),
  );
  orderCount.textContent = String(orders.size);
}

function renderNotifications(): void {
  const sorted = [...notifications.values()]
    .sort((a, b) => b.received - a.received)
    .slice(0, MAX_NOTIFICATIONS);
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
      meta.textContent = `${notification.customer_id} · ${time(notification.created_at)}`;
      item.append(title, text, meta);
      return item;
    }),
  );
}

let arrival = 0;
function addNotification(notification: Notification): void {
  if (!notifications.has(notification.notification_id)) {
    notifications.set(notification.notification_id, { notification, received: ++arrival });
  }
}

/** Listens to one named event of the stream, with its JSON payload parsed. */
function on<Name extends keyof LiveStreamEvents>(
  source: EventSource,
  name: Name,
  handle: (data: LiveStreamEvents[Name]) => void,
): void {
  source.addEventListener(name, (event) => {
    // Named SSE events are MessageEvents; the server writes each payload as one JSON line.
    handle(JSON.parse((event as MessageEvent<string>).data) as LiveStreamEvents[Name]);
  });
}

const events = new EventSource('events');
events.addEventListener('open', () => setConnected(true));
// EventSource reconnects on its own (after the server's retry: delay); this only shows the gap.
events.addEventListener('error', () => setConnected(false));
on(events, 'snapshot', (snapshot) => {
  for (const order of snapshot.orders) upsertOrder(order);
  for (const notification of [...snapshot.notifications].reverse()) addNotification(notification);
  renderOrders();
  renderNotifications();
  setConnected(true);
});
on(events, 'order', (order) => {
  upsertOrder(order);
  renderOrders();
});
on(events, 'notification', ({ notification, order }) => {
  addNotification(notification);
  // Kept from the untyped script: a payload without its order still shows the notification.
  if (order) upsertOrder(order);
  renderNotifications();
  renderOrders();
});
