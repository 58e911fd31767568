import { channels } from '../channels.ts';
import { OrderItem } from '../schemas/order-item.ts';
import { type JsonSchema, toJsonSchema } from './to-json-schema.ts';

/** The JSON Schema dialect of the published files: draft-07, the base of AsyncAPI's schema format. */
export const JSON_SCHEMA_DIALECT = 'http://json-schema.org/draft-07/schema#';

const fileNames = {
  ordersCreated: 'order-created.schema.json',
  ordersStatus: 'order-status-changed.schema.json',
  ordersNotifications: 'notification.schema.json',
} as const;

/** The self-contained JSON Schema of every message payload (and of OrderItem), by file name. */
export function buildJsonSchemas(): Record<string, JsonSchema> {
  const files: Record<string, JsonSchema> = {};
  for (const [id, fileName] of Object.entries(fileNames)) {
    const channel = channels[id as keyof typeof fileNames];
    files[fileName] = {
      $schema: JSON_SCHEMA_DIALECT,
      title: channel.messageName,
      ...toJsonSchema(channel.schema),
    };
  }
  files['order-item.schema.json'] = {
    $schema: JSON_SCHEMA_DIALECT,
    title: 'OrderItem',
    ...toJsonSchema(OrderItem),
  };
  return files;
}
