/** An HTTP answer: status and parsed JSON body. */
export type JsonAnswer = { status: number; body: unknown };

/** POSTs JSON and reads the JSON answer; `apiKey` goes into x-api-key when given. */
export async function postJson(url: string, body: unknown, apiKey?: string): Promise<JsonAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(apiKey ? { 'x-api-key': apiKey } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: keep the text, the assertion will show it.
  }
  return { status: response.status, body: parsed };
}
