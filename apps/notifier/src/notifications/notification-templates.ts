import type { OrderStatus } from '@order-service/contracts';
import { formatRoubles, isRepresentableAmount } from './format-roubles.ts';
import type { NotificationLocale } from './notification-locale.ts';

/** What a template needs to know about the order and the change. */
export interface TemplateInput {
  orderId: string;
  status: OrderStatus;
  totalAmount: number;
  itemCount: number;
}

/** The words a customer reads: a short subject line and one or two sentences. */
export interface RenderedText {
  title: string;
  text: string;
}

// `amount` is the whole amount clause (" на сумму 3 000,00 ₽"), empty when the amount cannot be
// shown exactly: the sentence then simply leaves it out.
type Template = (input: TemplateInput & { amount: string; items: string }) => RenderedText;

const russianItems = new Intl.PluralRules('ru-RU');
const russianItemWords: Record<string, string> = { one: 'товар', few: 'товара', many: 'товаров' };

function countItems(count: number, locale: NotificationLocale): string {
  // Quantities are any JSON integers: a sum past 2^53 (or Infinity) has no exact count to show.
  if (!Number.isSafeInteger(count)) return locale === 'en' ? 'many items' : 'много товаров';
  if (locale === 'en') return `${count} ${count === 1 ? 'item' : 'items'}`;
  // "other" is the fractional form in Russian; counts are integers, so "many" is the fallback.
  return `${count} ${russianItemWords[russianItems.select(count)] ?? 'товаров'}`;
}

const templates: Record<NotificationLocale, Record<OrderStatus, Template>> = {
  ru: {
    NEW: ({ orderId, amount, items }) => ({
      title: `Заказ ${orderId} оформлен`,
      text: `Мы получили ваш заказ ${orderId}: ${items}${amount}.`,
    }),
    PROCESSING: ({ orderId, amount, items }) => ({
      title: `Заказ ${orderId} принят`,
      text: `Ваш заказ ${orderId} (${items}${amount}) принят и уже собирается.`,
    }),
    SHIPPED: ({ orderId, amount }) => ({
      title: `Заказ ${orderId} отправлен`,
      text: `Ваш заказ ${orderId}${amount} передан в доставку.`,
    }),
    DELIVERED: ({ orderId }) => ({
      title: `Заказ ${orderId} доставлен`,
      text: `Ваш заказ ${orderId} доставлен. Спасибо за покупку!`,
    }),
    CANCELLED: ({ orderId, amount }) => ({
      title: `Заказ ${orderId} отменён`,
      text: `Ваш заказ ${orderId}${amount} отменён.`,
    }),
  },
  en: {
    NEW: ({ orderId, amount, items }) => ({
      title: `Order ${orderId} placed`,
      text: `We have received your order ${orderId}: ${items}${amount}.`,
    }),
    PROCESSING: ({ orderId, amount, items }) => ({
      title: `Order ${orderId} accepted`,
      text: `Your order ${orderId} (${items}${amount}) has been accepted and is being prepared.`,
    }),
    SHIPPED: ({ orderId, amount }) => ({
      title: `Order ${orderId} shipped`,
      text: `Your order ${orderId}${amount} is on its way.`,
    }),
    DELIVERED: ({ orderId }) => ({
      title: `Order ${orderId} delivered`,
      text: `Your order ${orderId} has been delivered. Thank you for shopping with us!`,
    }),
    CANCELLED: ({ orderId, amount }) => ({
      title: `Order ${orderId} cancelled`,
      text: `Your order ${orderId}${amount} has been cancelled.`,
    }),
  },
};

const amountWord: Record<NotificationLocale, string> = { ru: 'на сумму', en: 'for' };

/**
 * Renders the customer-facing words for one status change in the configured language, from the
 * templates only: a status change's comment is internal or operator text (it travels in the
 * notification's own `comment` field), so it never becomes part of what a customer reads.
 */
export function renderNotificationText(input: TemplateInput, locale: NotificationLocale): RenderedText {
  const amount = isRepresentableAmount(input.totalAmount)
    ? ` ${amountWord[locale]} ${formatRoubles(input.totalAmount, locale)}`
    : '';
  return templates[locale][input.status]({ ...input, amount, items: countItems(input.itemCount, locale) });
}
