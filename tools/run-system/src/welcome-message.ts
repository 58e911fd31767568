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
  /** The apps require the key from the caller's API_KEY (printed as `$API_KEY`). */
  apiKeySet: boolean;
  /** A key made for this run (no API_KEY given): printed in full, so it can be used at once. */
  generatedApiKey?: string;
};

/** The text printed once every app is ready: addresses, the key, a first `curl`, and how to stop. */
export function formatWelcome(facts: WelcomeFacts): string {
  const shownKey = facts.generatedApiKey ?? (facts.apiKeySet ? '$API_KEY' : undefined);
  const key = shownKey === undefined ? '' : ` -H "x-api-key: ${shownKey}"`;
  const pageKey =
    facts.generatedApiKey !== undefined
      ? `/?key=${facts.generatedApiKey}`
      : facts.apiKeySet
        ? '/?key=<your API_KEY>'
        : '';
  const order = JSON.stringify({
    customer_id: 'cust-ivanova-anna',
    items: [{ product_id: 'matreshka-5-mest', quantity: 2, price: 149_000 }],
  });
  const keyLines =
    facts.generatedApiKey !== undefined
      ? [
          `  API key       ${facts.generatedApiKey}`,
          '                (made for this run: send it as x-api-key; set API_KEY to choose your own,',
          '                or ORDER_SERVICE_MODE=development to run without one)',
        ]
      : facts.apiKeySet
        ? ['  API key       from your API_KEY (send it as x-api-key)']
        : ['  API key       none: development mode (ORDER_SERVICE_MODE=development), every route is open'];
  return [
    '',
    'Order Service is running.',
    '',
    `  order API     ${facts.orderApiUrl}        (docs: ${facts.orderApiUrl}/docs)`,
    `  status API    ${facts.statusApiUrl}`,
    `  live page     ${facts.livePageUrl}${pageKey}`,
    `  Kafka         ${facts.brokers}${facts.kafkaStartedHere ? ' (local broker, started by this command)' : ''}`,
    `  stores        ${facts.store === 'embedded' ? `embedded PGlite in ${facts.dataRoot}` : 'PostgreSQL (DATABASE_URL), one schema per app'}`,
    ...keyLines,
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
