/**
 * First pass: lines that are page furniture by their wording alone (rules in boilerplate-rules.ts).
 * It runs before the body search so that furniture lowers a run's score and section headings wall it.
 *
 * A heading-like label inside a share bar ("Facebook / Twitter / Comments / Print") is a button, not
 * the start of a section: a wall whose neighbour is a button label is downgraded to a plain label.
 */
import { matchBoilerplate, WIDGET_LABEL_REASON } from './boilerplate-rules.ts';
import { withRole, withWall, type Draft, type Unit } from './draft.ts';

export function markFurniture(draft: Draft): Draft {
  const units: Unit[] = draft.units.map((unit) => {
    if (unit.role !== null) return unit;
    const rule = matchBoilerplate(unit.text, unit.words);
    if (rule === null) return unit;
    return withRole(unit, 'removed', rule.reason, rule.strength === 'line' ? null : rule.strength);
  });
  const isButton = (u: Unit | undefined): boolean => u?.reason === WIDGET_LABEL_REASON;
  const settled = units.map((unit, i) =>
    unit.wall !== null && (isButton(units[i - 1]) || isButton(units[i + 1])) ? withWall(unit, null) : unit,
  );
  return { ...draft, units: settled };
}
