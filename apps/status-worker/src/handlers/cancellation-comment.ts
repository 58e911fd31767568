import { CARRIABLE_LIMITS, formatViolations, type Violation } from '@order-service/contracts';

/**
 * The comment of the CANCELLED status given to an order that breaks business rules: every broken
 * rule in the contracts' words, with where in the order it is, so support staff and the producer's
 * owners can see exactly why without opening the order. It travels on orders.status, so it stays
 * within the contract's comment limit (CARRIABLE_LIMITS.maxCommentLength): an order of 1,000 bad
 * items names as many rules as fit and counts the rest.
 */
export function describeCancellation(violations: readonly Violation[]): string {
  const noun = violations.length === 1 ? 'rule' : 'rules';
  const head = `Cancelled on receipt: the order breaks ${violations.length} business ${noun}: `;
  const full = head + formatViolations(violations);
  if (full.length <= CARRIABLE_LIMITS.maxCommentLength) return full;
  // Violation messages are ASCII (paths and numbers), so length in code units = code points.
  let listed = 0;
  let text = head;
  for (const violation of violations) {
    const next = (listed === 0 ? '' : '; ') + formatViolations([violation]);
    const rest = `; and ${violations.length - listed - 1} more`;
    if (text.length + next.length + rest.length > CARRIABLE_LIMITS.maxCommentLength) break;
    text += next;
    listed++;
  }
  return `${text}${listed === 0 ? '' : '; '}and ${violations.length - listed} more`;
}
