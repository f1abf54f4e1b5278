/**
 * First pass: lines that are page furniture by their wording alone (rules in boilerplate-rules.ts).
 * It runs before the body search so that furniture lowers a run's score and section headings wall it.
 */
import { matchBoilerplate } from './boilerplate-rules.ts';
import type { Draft } from './draft.ts';

export function markFurniture(draft: Draft): Draft {
  let changed = false;
  const units = draft.units.map((unit) => {
    if (unit.role !== null) return unit;
    const rule = matchBoilerplate(unit.text);
    if (rule === null) return unit;
    changed = true;
    return { ...unit, role: 'removed' as const, reason: rule.reason, wall: rule.strength === 'section' };
  });
  return changed ? { ...draft, units } : draft;
}
