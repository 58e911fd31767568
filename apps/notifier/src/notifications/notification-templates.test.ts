import type { OrderStatus } from '@order-service/contracts';
import { describe, expect, it } from 'vitest';
import { notificationLocales } from './notification-locale.ts';
import { renderNotificationText } from './notification-templates.ts';

const statuses: OrderStatus[] = ['NEW', 'PROCESSING', 'SHIPPED', 'DELIVERED', 'CANCELLED'];
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('renderNotificationText', () => {
  it('tells a Russian customer the order was accepted, with the amount in roubles', () => {
    const rendered = renderNotificationText(
      { orderId: '12345', status: 'PROCESSING', totalAmount: 300_000, itemCount: 2 },
      'ru',
    );
    expect(rendered.title).toBe('Заказ 12345 принят');
    expect(plain(rendered.text)).toBe(
      'Ваш заказ 12345 (2 товара на сумму 3 000,00 ₽) принят и уже собирается.',
    );
  });

  it('tells an English customer the order was accepted, with the amount in roubles', () => {
    const rendered = renderNotificationText(
      { orderId: '12345', status: 'PROCESSING', totalAmount: 300_000, itemCount: 1 },
      'en',
    );
    expect(rendered.text).toBe(
      'Your order 12345 (1 item for ₽3,000.00) has been accepted and is being prepared.',
    );
  });

  it('declines the Russian word for items by count', () => {
    const text = (itemCount: number) =>
      renderNotificationText({ orderId: '1', status: 'NEW', totalAmount: 100, itemCount }, 'ru').text;
    expect(text(1)).toContain('1 товар на');
    expect(text(3)).toContain('3 товара на');
    expect(text(5)).toContain('5 товаров на');
    expect(text(21)).toContain('21 товар на');
  });

  it('renders a cancellation from the template alone', () => {
    const rendered = renderNotificationText(
      { orderId: '7', status: 'CANCELLED', totalAmount: 100, itemCount: 1 },
      'en',
    );
    expect(rendered.text).toBe('Your order 7 for ₽1.00 has been cancelled.');
  });

  it('leaves out an amount it cannot show exactly, and a count past 2^53, without throwing', () => {
    const rendered = renderNotificationText(
      { orderId: '7', status: 'PROCESSING', totalAmount: 1e16, itemCount: 2 ** 60 },
      'ru',
    );
    expect(rendered.text).toBe('Ваш заказ 7 (много товаров) принят и уже собирается.');
    expect(
      renderNotificationText({ orderId: '7', status: 'CANCELLED', totalAmount: 1e20, itemCount: 1 }, 'en')
        .text,
    ).toBe('Your order 7 has been cancelled.');
  });

  it('has a distinct title naming the order for every status in every language', () => {
    for (const locale of notificationLocales) {
      const titles = statuses.map(
        (status) =>
          renderNotificationText({ orderId: 'A-1', status, totalAmount: 1, itemCount: 1 }, locale).title,
      );
      expect(new Set(titles).size).toBe(statuses.length);
      for (const title of titles) expect(title).toContain('A-1');
    }
  });
});
