import { formatViolations, type Violation } from '@order-service/contracts';

/**
 * The comment of the CANCELLED status given to an order that breaks business rules: every broken
 * rule in the contracts' words, with where in the order it is, so support staff and the producer's
 * owners can see exactly why without opening the order.
 */
export function describeCancellation(violations: readonly Violation[]): string {
  const noun = violations.length === 1 ? 'rule' : 'rules';
  return `Cancelled on receipt: the order breaks ${violations.length} business ${noun}: ${formatViolations(violations)}`;
}
