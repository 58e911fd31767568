import { type Channel, type ChannelId, channels } from '../channels.ts';
import { CONTENT_TYPE, HEADERS } from '../headers.ts';
import { Notification } from '../schemas/notification.ts';
import { Order } from '../schemas/order.ts';
import { OrderItem } from '../schemas/order-item.ts';
import { OrderStatusChanged } from '../schemas/order-status-changed.ts';
import { type JsonSchema, toJsonSchema } from './to-json-schema.ts';

/** Examples shown on each message of the document (golden fixtures). */
export interface DocumentExamples {
  readonly OrderCreated: unknown;
  readonly OrderStatusChanged: unknown;
  readonly Notification: unknown;
}

const KAFKA_BINDING_VERSION = '0.5.0';

// Component names follow the reference document: its `OrderStatus` schema is the status message payload.
const schemaNames: Record<ChannelId, string> = {
  ordersCreated: 'Order',
  ordersStatus: 'OrderStatus',
  ordersNotifications: 'Notification',
};
const messageKeys: Record<ChannelId, string> = {
  ordersCreated: 'orderCreated',
  ordersStatus: 'statusChanged',
  ordersNotifications: 'notification',
};
const messageTitles: Record<ChannelId, string> = {
  ordersCreated: 'New Order',
  ordersStatus: 'Order Status Changed',
  ordersNotifications: 'Order Notification',
};

interface OperationSpec {
  readonly action: 'send' | 'receive';
  readonly channel: ChannelId;
  readonly app: 'order-producer' | 'status-worker' | 'notifier';
  readonly summary: string;
}

/** The operations of the three apps; the first five carry the reference document's names. */
const operations: Record<string, OperationSpec> = {
  sendOrder: {
    action: 'send',
    channel: 'ordersCreated',
    app: 'order-producer',
    summary: 'Sending a new order',
  },
  receiveOrders: {
    action: 'receive',
    channel: 'ordersCreated',
    app: 'status-worker',
    summary: 'Receiving new orders',
  },
  sendStatus: {
    action: 'send',
    channel: 'ordersStatus',
    app: 'status-worker',
    summary: 'Sending a status update',
  },
  receiveStatusUpdates: {
    action: 'receive',
    channel: 'ordersStatus',
    app: 'notifier',
    summary: 'Receiving status updates',
  },
  receiveOrderDetails: {
    action: 'receive',
    channel: 'ordersCreated',
    app: 'notifier',
    summary: "Receiving new orders to know each order's customer and contents",
  },
  sendNotification: {
    action: 'send',
    channel: 'ordersNotifications',
    app: 'notifier',
    summary: 'Sending a notification for a status change',
  },
};

const headersSchema: JsonSchema = {
  type: 'object',
  required: [HEADERS.contentType, HEADERS.messageName, HEADERS.eventId],
  properties: {
    [HEADERS.contentType]: { type: 'string', const: CONTENT_TYPE, description: 'Content type of the value' },
    [HEADERS.messageName]: {
      type: 'string',
      description: 'Message name: OrderCreated, OrderStatusChanged or Notification',
    },
    [HEADERS.eventId]: {
      type: 'string',
      format: 'uuid',
      description: 'Deterministic event id (UUID v5), for idempotent consumers',
    },
    [HEADERS.traceparent]: { type: 'string', description: 'W3C trace context' },
  },
};

function buildMessage(id: ChannelId, channel: Channel, example: unknown): JsonSchema {
  return {
    name: channel.messageName,
    title: messageTitles[id],
    contentType: CONTENT_TYPE,
    headers: headersSchema,
    payload: { $ref: `#/components/schemas/${schemaNames[id]}` },
    bindings: {
      kafka: {
        key: {
          type: 'string',
          description: `The ${channel.key} of the payload: one order's events stay in one partition, in order`,
        },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
    examples: [{ name: 'golden', payload: example }],
  };
}

function buildOperation(spec: OperationSpec): JsonSchema {
  const channel = channels[spec.channel];
  const messageRef = { $ref: `#/channels/${channel.id}/messages/${messageKeys[spec.channel]}` };
  return {
    action: spec.action,
    channel: { $ref: `#/channels/${channel.id}` },
    summary: spec.summary,
    tags: [{ name: spec.app }],
    messages: [messageRef],
    bindings: {
      kafka: {
        clientId: { type: 'string', default: spec.app },
        ...(spec.action === 'receive' ? { groupId: { type: 'string', default: spec.app } } : {}),
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

/**
 * Builds the project's AsyncAPI 3 document from the TypeBox schemas and the channel table: the
 * reference document's servers, channels and operations, plus orders/notifications, the Kafka
 * topic of each address (channel bindings), the record key and headers, and every app's operations.
 */
export function buildAsyncApiDocument(examples: DocumentExamples): JsonSchema {
  const channelIds = Object.keys(channels) as ChannelId[];
  const examplesById: Record<ChannelId, unknown> = {
    ordersCreated: examples.OrderCreated,
    ordersStatus: examples.OrderStatusChanged,
    ordersNotifications: examples.Notification,
  };
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Order Service API',
      version: '1.0.0',
      description: [
        '# Order Service',
        '',
        'This service is responsible for processing orders in our system.',
        '',
        '## Main operations',
        '* Creating an order',
        '* Updating status',
        '* Sending notifications',
        '',
        '## How to use',
        '1. Subscribe to the `orders/created` topic to receive new orders',
        '2. Send updates to `orders/status`',
        '3. Monitor notifications in `orders/notifications`',
        '',
        '## Kafka mapping',
        "Kafka topic names may not contain '/': each channel address maps to the topic in its",
        'Kafka channel binding (`orders/created` -> `orders.created`, ...). Every record is keyed by',
        '`order_id`; event metadata travels in headers, the value is the flat JSON payload.',
        'Records that break the contract go to `<topic>.dlq`. Both servers use security.protocol PLAINTEXT.',
        '',
        'Generated from the TypeBox schemas of `@order-service/contracts`; do not edit by hand.',
        '',
      ].join('\n'),
      tags: [{ name: 'order-producer' }, { name: 'status-worker' }, { name: 'notifier' }],
    },
    defaultContentType: CONTENT_TYPE,
    servers: {
      production: {
        host: 'kafka.example.com:9092',
        protocol: 'kafka',
        description: 'Production Kafka Broker',
      },
      development: { host: 'localhost:9092', protocol: 'kafka', description: 'Local Kafka Broker' },
    },
    channels: Object.fromEntries(
      channelIds.map((id) => {
        const channel = channels[id];
        return [
          id,
          {
            address: channel.address,
            description: channel.description,
            messages: { [messageKeys[id]]: { $ref: `#/components/messages/${channel.messageName}` } },
            bindings: { kafka: { topic: channel.topic, bindingVersion: KAFKA_BINDING_VERSION } },
          },
        ];
      }),
    ),
    operations: Object.fromEntries(
      Object.entries(operations).map(([id, spec]) => [id, buildOperation(spec)]),
    ),
    components: {
      messages: Object.fromEntries(
        channelIds.map((id) => [channels[id].messageName, buildMessage(id, channels[id], examplesById[id])]),
      ),
      schemas: {
        Order: toJsonSchema(Order, { '#/components/schemas/OrderItem': OrderItem }),
        OrderItem: toJsonSchema(OrderItem),
        OrderStatus: toJsonSchema(OrderStatusChanged),
        Notification: toJsonSchema(Notification),
      },
    },
  };
}
