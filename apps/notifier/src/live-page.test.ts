import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderLivePage } from './live-page.ts';

describe('live page', () => {
  const page = renderLivePage();

  it('loads nothing from elsewhere: no src or href attributes at all', () => {
    expect(page.html).not.toMatch(/\s(src|href)=/);
  });

  it('allows exactly its own inline script in the CSP', () => {
    const script = /<script>([\s\S]*)<\/script>/.exec(page.html)?.[1] ?? '';
    const hash = createHash('sha256').update(script).digest('base64');
    expect(page.contentSecurityPolicy).toContain(`script-src 'sha256-${hash}'`);
    expect(page.contentSecurityPolicy).toContain("connect-src 'self'");
  });

  it('subscribes to the events stream relative to the page and shows the connection state', () => {
    expect(page.html).toContain("new EventSource('events')");
    expect(page.html).toContain('id="connection"');
  });

  it('never puts event data into the page as HTML', () => {
    expect(page.html).not.toContain('innerHTML');
  });
});
