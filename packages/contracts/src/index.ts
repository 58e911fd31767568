export {
  CARRIABLE_LIMITS,
  checkCarriableComment,
  checkCarriableDateTime,
  checkCarriableId,
  checkCarriableOrder,
  checkCarriableStatusChange,
  unsupportedValueError,
} from './carriable.ts';
export { type Channel, type ChannelId, channels, dlqTopic } from './channels.ts';
export { CONTRACT_ERROR_CODES, ContractError, type ContractErrorCode } from './contract-error.ts';
export type { DecodeResult } from './decode-result.ts';
export {
  EVENT_ID_NAMESPACE,
  notificationId,
  orderCreatedEventId,
  statusChangedEventId,
  uuidV5,
} from './event-ids.ts';
export { CONTENT_TYPE, createRecordHeaders, HEADERS } from './headers.ts';
export { isRfc3339DateTime } from './is-rfc3339-date-time.ts';
export {
  allowedTransitions,
  canTransition,
  classifyTransition,
  isFinal,
  ORDER_STATUS_TRANSITIONS,
  type TransitionKind,
} from './lifecycle.ts';
export { createMessageCodec, type MessageCodec } from './message-codec.ts';
export {
  decodeNotification,
  decodeOrder,
  decodeOrderStatusChanged,
  encodeNotification,
  encodeOrder,
  encodeOrderStatusChanged,
  notificationCodec,
  orderCreatedCodec,
  orderStatusChangedCodec,
} from './messages.ts';
export { ORDER_FIELDS, orderFieldsThatDiffer } from './order-differences.ts';
export { checkOrderRules } from './order-rules.ts';
export { registerDateTimeFormat } from './register-date-time-format.ts';
export { NOTIFICATION_CHANNELS, Notification } from './schemas/notification.ts';
export { Order } from './schemas/order.ts';
export { OrderItem } from './schemas/order-item.ts';
export { ORDER_STATUSES, OrderStatus } from './schemas/order-status.ts';
export { OrderStatusChanged } from './schemas/order-status-changed.ts';
export { toUtcInstant } from './to-utc-instant.ts';
export { formatViolations, type Violation } from './violation.ts';
