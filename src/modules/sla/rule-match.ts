// Whether an escalation rule's match (categories, types, priorities; empty = any) covers a case.
import type { RulesSnapshot } from '../../shared/complaints.js';
import type { EscalationRule } from '../../shared/sla.js';

export function ruleMatches(
  rule: Pick<EscalationRule, 'match'>,
  c: { rules: Pick<RulesSnapshot, 'categoryCode' | 'typeCode'>; priority: string },
): boolean {
  const { categories, types, priorities } = rule.match;
  if (categories?.length && !categories.includes(c.rules.categoryCode)) return false;
  if (types?.length && !types.includes(c.rules.typeCode)) return false;
  if (priorities?.length && !(priorities as readonly string[]).includes(c.priority)) return false;
  return true;
}
