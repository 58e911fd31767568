import { createHash } from 'node:crypto';

/**
 * Where the page's script is served (browser/live-client.ts, compiled: see live-client-script.ts).
 * The page refers to it relative to itself, as it does to `events`, so it also works behind a
 * path prefix.
 */
export const LIVE_CLIENT_PATH = '/live/live-client.js';

const styles = `
body { font: 15px/1.4 system-ui, sans-serif; margin: 0; color: #1d2430; background: #f5f6f8; }
header { display: flex; align-items: center; gap: 1rem; padding: .8rem 1.5rem; background: #1d2430; color: #fff; }
h1 { font-size: 1.15rem; margin: 0; flex: 1; }
#connection { padding: .2rem .7rem; border-radius: 1rem; font-weight: 600; font-size: .85rem; }
#connection[data-state=connected] { background: #1f9d55; }
#connection[data-state=disconnected] { background: #c53030; }
main { display: grid; grid-template-columns: 3fr 2fr; gap: 1.5rem; padding: 1.5rem; }
section { background: #fff; border-radius: .5rem; padding: 1rem; box-shadow: 0 1px 2px #0002; }
h2 { font-size: 1rem; margin: 0 0 .6rem; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #e3e6eb; }
.amount { white-space: nowrap; }
.status { font-weight: 600; }
.status-processing { color: #2b6cb0; } .status-shipped { color: #805ad5; }
.status-delivered { color: #1f9d55; } .status-cancelled { color: #c53030; }
ul { list-style: none; margin: 0; padding: 0; }
li { border-bottom: 1px solid #e3e6eb; padding: .5rem 0; }
li p { margin: .2rem 0; }
small { color: #6b7280; }
`;

/** The live page and its Content-Security-Policy. */
export interface LivePage {
  html: string;
  contentSecurityPolicy: string;
}

function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

/**
 * Renders the live page once: one HTML document with its inline CSS (allowed by hash) and its
 * script loaded from the notifier itself (`script-src 'self'`: no inline script may run), served
 * with a CSP that otherwise allows only same-origin connections.
 */
export function renderLivePage(): LivePage {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Order notifications (live)</title>
<style>${styles}</style>
</head>
<body>
<header>
<h1>Order notifications</h1>
<span id="connection" data-state="disconnected" role="status" aria-live="polite">Connecting…</span>
</header>
<main>
<section>
<h2>Orders (<span id="order-count">0</span>)</h2>
<table>
<thead><tr><th>Order</th><th>Customer</th><th>Total</th><th>Status</th><th>Updated</th></tr></thead>
<tbody id="orders"></tbody>
</table>
</section>
<section>
<h2>Latest notifications</h2>
<ul id="notifications"></ul>
</section>
</main>
<script src="${LIVE_CLIENT_PATH.slice(1)}"></script>
</body>
</html>
`;
  const contentSecurityPolicy = [
    "default-src 'none'",
    "script-src 'self'",
    `style-src ${sha256Source(styles)}`,
    "connect-src 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html, contentSecurityPolicy };
}
