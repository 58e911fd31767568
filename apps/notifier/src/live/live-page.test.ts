import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadLiveClientScript } from './live-client-script.ts';
import { LIVE_CLIENT_PATH, renderLivePage } from './live-page.ts';

describe('live page', () => {
  const page = renderLivePage();
  const client = loadLiveClientScript();

  it('loads nothing from elsewhere: its only src is its own script, relative to the page', () => {
    expect([...page.html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((match) => match[1])).toEqual([
      LIVE_CLIENT_PATH.slice(1),
    ]);
    expect(LIVE_CLIENT_PATH).toBe('/live/live-client.js');
  });

  it('runs no inline script: the CSP allows scripts from the notifier only, and exactly its own style', () => {
    expect(page.html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(page.contentSecurityPolicy).toContain("script-src 'self'");
    expect(page.contentSecurityPolicy).not.toContain('unsafe-inline');
    const style = /<style>([\s\S]*)<\/style>/.exec(page.html)?.[1] ?? '';
    const hash = createHash('sha256').update(style).digest('base64');
    expect(page.contentSecurityPolicy).toContain(`style-src 'sha256-${hash}'`);
    expect(page.contentSecurityPolicy).toContain("connect-src 'self'");
  });

  it('subscribes to the events stream relative to the page and shows the connection state', () => {
    expect(client.source).toMatch(/new EventSource\(["']events["']\)/);
    expect(page.html).toContain('id="connection"');
  });

  it('never puts event data into the page as HTML', () => {
    expect(client.source).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it('compiles the browser script into one classic script with nothing left to import', () => {
    expect(client.source.startsWith('"use strict";\n(() => {')).toBe(true);
    expect(client.source).not.toMatch(/^\s*(?:import|export)\s/m);
    expect(client.etag).toBe(`"${createHash('sha256').update(client.source).digest('base64url')}"`);
  });
});
