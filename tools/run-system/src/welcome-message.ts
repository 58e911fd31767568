/** Where the running system can be reached. */
export type WelcomeFacts = {
  orderApiUrl: string;
  statusApiUrl: string;
  livePageUrl: string;
  brokers: string;
  kafkaStartedHere: boolean;
  store: 'embedded' | 'postgres';
  dataRoot: string;
  demo: boolean;
  apiKeySet: boolean;
};

/** The text printed once every app is ready: addresses, a first `curl`, and how to stop. */
export function formatWelcome(facts: WelcomeFacts): string {
  const key = facts.apiKeySet ? ` -H "x-api-key: $API_KEY"` : '';
  const order = JSON.stringify({
    customer_id: 'cust-ivanova-anna',
    items: [{ product_id: 'matreshka-5-mest', quantity: 2, price: 149_000 }],
  });
  return [
    '',
    'Order Service is running.',
    '',
    `  order API     ${facts.orderApiUrl}        (docs: ${facts.orderApiUrl}/docs)`,
    `  status API    ${facts.statusApiUrl}`,
    `  live page     ${facts.livePageUrl}`,
    `  Kafka         ${facts.brokers}${facts.kafkaStartedHere ? ' (local broker, started by this command)' : ''}`,
    `  stores        ${facts.store === 'embedded' ? `embedded PGlite in ${facts.dataRoot}` : 'PostgreSQL (DATABASE_URL), one schema per app'}`,
    '',
    'Send a first order:',
    `  curl -s -X POST ${facts.orderApiUrl}/orders -H 'content-type: application/json'${key} -d '${order}'`,
    'Then move it along (use the order_id from the answer):',
    `  curl -s -X POST ${facts.statusApiUrl}/orders/<order_id>/status -H 'content-type: application/json'${key} -d '{"status":"SHIPPED"}'`,
    '',
    facts.demo
      ? 'Demo orders are flowing: open the live page to watch them.'
      : 'Tip: `pnpm start --demo` feeds demo orders.',
    'Press Ctrl-C to stop everything.',
    '',
  ].join('\n');
}
