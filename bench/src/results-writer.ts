import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where one run's files went. */
export type WrittenResults = { json: string; latestJson: string; svg: string; latestSvg: string };

/**
 * Writes the run's JSON and chart under `folder` as `<stamp>.json`/`<stamp>.svg`, and again as
 * `latest-<store>.json`/`latest-<store>.svg` (what the README links to).
 */
export function writeResults(
  folder: string,
  stamp: string,
  store: string,
  document: unknown,
  svg: string,
): WrittenResults {
  mkdirSync(folder, { recursive: true });
  const text = `${JSON.stringify(document, null, 2)}\n`;
  const paths = {
    json: join(folder, `${stamp}.json`),
    latestJson: join(folder, `latest-${store}.json`),
    svg: join(folder, `${stamp}.svg`),
    latestSvg: join(folder, `latest-${store}.svg`),
  };
  writeFileSync(paths.json, text);
  writeFileSync(paths.latestJson, text);
  writeFileSync(paths.svg, svg);
  writeFileSync(paths.latestSvg, svg);
  return paths;
}
