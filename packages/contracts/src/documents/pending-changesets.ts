import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A semver bump a changeset can declare. */
export type BumpType = 'major' | 'minor' | 'patch';

const ORDER: readonly BumpType[] = ['patch', 'minor', 'major'];

/** The largest bump the pending changesets in `changesetDir` declare for `packageName`, if any. */
export function pendingBump(packageName: string, changesetDir: string): BumpType | undefined {
  let largest: BumpType | undefined;
  for (const file of readdirSync(changesetDir)) {
    if (!file.endsWith('.md') || file === 'README.md') continue;
    const frontmatter =
      /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(changesetDir, file), 'utf8'))?.[1] ?? '';
    for (const line of frontmatter.split(/\r?\n/)) {
      const match = /^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/.exec(line);
      if (match?.[1] !== packageName) continue;
      const bump = match[2] as BumpType;
      if (largest === undefined || ORDER.indexOf(bump) > ORDER.indexOf(largest)) largest = bump;
    }
  }
  return largest;
}
