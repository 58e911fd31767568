/** The languages the notification templates are written in (NOTIFICATION_LOCALE). */
export const notificationLocales = ['ru', 'en'] as const;

/** A language the notification templates are written in. */
export type NotificationLocale = (typeof notificationLocales)[number];

/** The BCP 47 tag put in the notification's `locale` field for each template language. */
export const localeTags: Record<NotificationLocale, string> = { ru: 'ru-RU', en: 'en-US' };
