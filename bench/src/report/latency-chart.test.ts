import { describe, expect, it } from 'vitest';
import { renderLatencyChart } from './latency-chart.ts';

describe('renderLatencyChart', () => {
  const points = [
    { system: 'raw-loop', offeredPerSecond: 100, p50: 4, p95: 8, p99: 12 },
    { system: 'raw-loop', offeredPerSecond: 200, p50: 5, p95: 9, p99: 15 },
    { system: 'pipeline', offeredPerSecond: 100, p50: 20, p95: 40, p99: 90 },
  ];

  it('draws one line per system and percentile, with a legend entry each', () => {
    const svg = renderLatencyChart(points, 'latency vs load');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<polyline/g)).toHaveLength(6);
    expect(svg).toContain('raw-loop p99');
    expect(svg).toContain('pipeline p50');
  });

  it('places a higher latency higher up the chart', () => {
    const svg = renderLatencyChart(points, 't');
    const y = (label: string) =>
      Number(svg.match(new RegExp(`cy="([0-9.]+)" r="3" fill="[^"]+"><title>${label}`))?.[1]);
    expect(y('pipeline p99 at 100/s')).toBeLessThan(y('raw-loop p99 at 100/s'));
  });

  it('joins the median of the rounds at a load rather than zig-zagging between them', () => {
    const rounds = [
      { system: 'raw-loop', offeredPerSecond: 100, p50: 4, p95: 8, p99: 10 },
      { system: 'raw-loop', offeredPerSecond: 100, p50: 6, p95: 8, p99: 10 },
      { system: 'raw-loop', offeredPerSecond: 200, p50: 5, p95: 8, p99: 10 },
    ];
    const svg = renderLatencyChart(rounds, 't');
    const firstLine = svg.match(/<polyline points="([^"]+)"/)?.[1] ?? '';
    expect(firstLine.split(' ')).toHaveLength(2);
    expect(svg.match(/<circle/g)).toHaveLength(9);
  });

  it('escapes text so a title cannot break the document', () => {
    expect(renderLatencyChart(points, 'a < b & c')).toContain('a &#60; b &#38; c');
  });
});
