import type { OrderStatus } from '@order-service/contracts';
import { formatRoubles } from './format-roubles.ts';
import type { NotificationLocale } from './notification-locale.ts';

/** What a template needs to know about the order and the change. */
export interface TemplateInput {
  orderId: string;
  status: OrderStatus;
  totalAmount: number;
  itemCount: number;
  comment?: string | undefined;
}

/** The words a customer reads: a short subject line and one or two sentences. */
export interface RenderedText {
  title: string;
  text: string;
}

type Template = (input: TemplateInput & { total: string; items: string }) => RenderedText;

const russianItems = new Intl.PluralRules('ru-RU');
const russianItemWords: Record<string, string> = { one: 'товар', few: 'товара', many: 'товаров' };

function countItems(count: number, locale: NotificationLocale): string {
  if (locale === 'en') return `${count} ${count === 1 ? 'item' : 'items'}`;
  // "other" is the fractional form in Russian; counts are integers, so "many" is the fallback.
  return `${count} ${russianItemWords[russianItems.select(count)] ?? 'товаров'}`;
}

const templates: Record<NotificationLocale, Record<OrderStatus, Template>> = {
  ru: {
    NEW: ({ orderId, total, items }) => ({
      title: `Заказ ${orderId} оформлен`,
      text: `Мы получили ваш заказ ${orderId}: ${items} на сумму ${total}.`,
    }),
    PROCESSING: ({ orderId, total, items }) => ({
      title: `Заказ ${orderId} принят`,
      text: `Ваш заказ ${orderId} (${items} на сумму ${total}) принят и уже собирается.`,
    }),
    SHIPPED: ({ orderId, total }) => ({
      title: `Заказ ${orderId} отправлен`,
      text: `Ваш заказ ${orderId} на сумму ${total} передан в доставку.`,
    }),
    DELIVERED: ({ orderId }) => ({
      title: `Заказ ${orderId} доставлен`,
      text: `Ваш заказ ${orderId} доставлен. Спасибо за покупку!`,
    }),
    CANCELLED: ({ orderId, total }) => ({
      title: `Заказ ${orderId} отменён`,
      text: `Ваш заказ ${orderId} на сумму ${total} отменён.`,
    }),
  },
  en: {
    NEW: ({ orderId, total, items }) => ({
      title: `Order ${orderId} placed`,
      text: `We have received your order ${orderId}: ${items} for ${total}.`,
    }),
    PROCESSING: ({ orderId, total, items }) => ({
      title: `Order ${orderId} accepted`,
      text: `Your order ${orderId} (${items} for ${total}) has been accepted and is being prepared.`,
    }),
    SHIPPED: ({ orderId, total }) => ({
      title: `Order ${orderId} shipped`,
      text: `Your order ${orderId} for ${total} is on its way.`,
    }),
    DELIVERED: ({ orderId }) => ({
      title: `Order ${orderId} delivered`,
      text: `Your order ${orderId} has been delivered. Thank you for shopping with us!`,
    }),
    CANCELLED: ({ orderId, total }) => ({
      title: `Order ${orderId} cancelled`,
      text: `Your order ${orderId} for ${total} has been cancelled.`,
    }),
  },
};

const commentLabel: Record<NotificationLocale, string> = { ru: 'Комментарий', en: 'Note' };

/** Renders the customer-facing words for one status change in the configured language. */
export function renderNotificationText(input: TemplateInput, locale: NotificationLocale): RenderedText {
  const rendered = templates[locale][input.status]({
    ...input,
    total: formatRoubles(input.totalAmount, locale),
    items: countItems(input.itemCount, locale),
  });
  const comment = input.comment?.trim();
  // The comment says why (a cancellation reason, a tracking note): the customer should see it.
  if (comment) return { title: rendered.title, text: `${rendered.text} ${commentLabel[locale]}: ${comment}` };
  return rendered;
}
