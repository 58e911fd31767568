/** The languages the notification templates are written in (NOTIFICATION_LOCALE). */
export const notificationLocales = ['ru', 'en'] as const;

/** A language the notification templates are written in. */
export type NotificationLocale = (typeof notificationLocales)[number];
