/** One point of the chart: a system's latency percentiles at one offered load. */
export type ChartPoint = { system: string; offeredPerSecond: number; p50: number; p95: number; p99: number };

const WIDTH = 760;
const HEIGHT = 440;
const MARGIN = { left: 70, right: 190, top: 40, bottom: 55 };
const COLORS: Record<string, string> = {
  pipeline: '#c0392b',
  'raw-loop': '#2471a3',
};
const DASHES: Record<'p50' | 'p95' | 'p99', string> = { p50: '', p95: '6 3', p99: '2 3' };

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function niceLogTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let power = Math.floor(Math.log10(min)); power <= Math.ceil(Math.log10(max)); power += 1) {
    for (const step of [1, 2, 5]) {
      const value = step * 10 ** power;
      if (value >= min && value <= max) ticks.push(value);
    }
  }
  return ticks;
}

/**
 * Renders end-to-end latency percentiles (log scale, ms) against offered load (orders/s) as a
 * self-contained SVG: one colour per system, one dash style per percentile, a dot per measurement
 * and a line through the median of the rounds at each load.
 */
export function renderLatencyChart(points: readonly ChartPoint[], title: string): string {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const loads = points.map((point) => point.offeredPerSecond);
  const latencies = points.flatMap((point) => [point.p50, point.p95, point.p99]).filter((value) => value > 0);
  const maxLoad = Math.max(1, ...loads) * 1.05;
  const minLatency = Math.max(0.1, Math.min(...latencies, 1) / 1.5);
  const maxLatency = Math.max(...latencies, 10) * 1.5;
  const x = (load: number) => MARGIN.left + (load / maxLoad) * plotWidth;
  const y = (latency: number) =>
    MARGIN.top +
    plotHeight -
    ((Math.log10(Math.max(latency, minLatency)) - Math.log10(minLatency)) /
      (Math.log10(maxLatency) - Math.log10(minLatency))) *
      plotHeight;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="24" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  for (const tick of niceLogTicks(minLatency, maxLatency)) {
    parts.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${y(tick).toFixed(1)}" y2="${y(tick).toFixed(1)}" stroke="#e5e5e5"/>`,
      `<text x="${MARGIN.left - 8}" y="${(y(tick) + 4).toFixed(1)}" text-anchor="end">${tick}</text>`,
    );
  }
  for (let step = 0; step <= 5; step += 1) {
    const load = (maxLoad / 5) * step;
    parts.push(
      `<text x="${x(load).toFixed(1)}" y="${MARGIN.top + plotHeight + 18}" text-anchor="middle">${Math.round(load)}</text>`,
    );
  }
  parts.push(
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#333"/>`,
    `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 12}" text-anchor="middle">offered load (orders/s, open loop)</text>`,
    `<text transform="translate(18 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">end-to-end latency (ms, log scale)</text>`,
  );
  const systems = [...new Set(points.map((point) => point.system))];
  let legendY = MARGIN.top + 10;
  for (const system of systems) {
    const color = COLORS[system] ?? '#555555';
    const ordered = points
      .filter((point) => point.system === system)
      .sort((a, b) => a.offeredPerSecond - b.offeredPerSecond);
    const loads = [...new Set(ordered.map((point) => point.offeredPerSecond))];
    for (const percentile of ['p50', 'p95', 'p99'] as const) {
      // The line joins the median of the rounds at each load; every round keeps its own dot.
      const path = loads.map((load) => {
        const values = ordered
          .filter((point) => point.offeredPerSecond === load)
          .map((point) => point[percentile]);
        return `${x(load).toFixed(1)},${y(median(values)).toFixed(1)}`;
      });
      parts.push(
        `<polyline points="${path.join(' ')}" fill="none" stroke="${color}" stroke-width="2" stroke-dasharray="${DASHES[percentile]}"/>`,
        ...ordered.map(
          (point) =>
            `<circle cx="${x(point.offeredPerSecond).toFixed(1)}" cy="${y(point[percentile]).toFixed(1)}" r="3" fill="${color}"><title>${escapeXml(`${system} ${percentile} at ${Math.round(point.offeredPerSecond)}/s: ${point[percentile]} ms`)}</title></circle>`,
        ),
      );
      const legendX = MARGIN.left + plotWidth + 15;
      parts.push(
        `<line x1="${legendX}" x2="${legendX + 30}" y1="${legendY}" y2="${legendY}" stroke="${color}" stroke-width="2" stroke-dasharray="${DASHES[percentile]}"/>`,
        `<text x="${legendX + 38}" y="${legendY + 4}">${escapeXml(`${system} ${percentile}`)}</text>`,
      );
      legendY += 18;
    }
  }
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
