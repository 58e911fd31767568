import type { ReadinessCheck } from '../http/readiness.ts';
import type { OutboxRelay } from './create-outbox-relay.ts';

/**
 * A `/ready` check named `outbox` that never takes the app out of service (the outbox exists to
 * hold messages while Kafka refuses them) but shows what an operator must see to: the rows set
 * aside because the broker refuses them even alone (`ok: 1 message set aside ...`).
 */
export function outboxReadiness(relay: Pick<OutboxRelay, 'setAsideRows'>): ReadinessCheck {
  return {
    name: 'outbox',
    check: async () => {
      let rows: Awaited<ReturnType<OutboxRelay['setAsideRows']>>;
      try {
        rows = await relay.setAsideRows(4);
      } catch {
        return 'set-aside rows unknown (the store does not answer)';
      }
      if (rows.length === 0) return undefined;
      const listed = rows
        .slice(0, 3)
        .map((row) => `id ${row.id} (event ${row.eventId}, topic ${row.topic}, ${row.reason.split(':')[0]})`)
        .join(', ');
      const more = rows.length > 3 ? ', and more' : '';
      return `${rows.length > 3 ? 'more than 3 messages' : `${rows.length} message(s)`} set aside, the broker refuses them even alone: ${listed}${more}; see outbox_set_aside_messages and the outbox-relay error log`;
    },
  };
}
