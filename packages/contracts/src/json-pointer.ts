/** Escapes one reference token of a JSON pointer (RFC 6901): `~` -> `~0`, `/` -> `~1`. */
export function escapePointerToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Returns the value at a JSON pointer (`''`, `/items/0`, or `#/properties/x`), or undefined. */
export function resolvePointer(root: unknown, pointer: string): unknown {
  const path = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (path === '') return root;
  let current: unknown = root;
  for (const rawToken of path.slice(1).split('/')) {
    if (typeof current !== 'object' || current === null) return undefined;
    const token = rawToken.replaceAll('~1', '/').replaceAll('~0', '~');
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}
