/**
 * First pass: lines that are page furniture by their wording alone (rules in boilerplate-rules.ts).
 * It runs before the body search so that furniture lowers a run's score and section headings wall it.
 *
 * A heading-like label inside a share bar ("Facebook / Twitter / Comments / Print") is a button, not
 * the start of a section: a wall whose neighbour is a button label is downgraded to a plain label.
 */
import { LINK_LABEL_REASON, matchBoilerplate, WIDGET_LABEL_REASON } from './boilerplate-rules.ts';
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
  return { ...draft, units: removeLabelledLinks(settled) };
}

/** A link's title: a line, not a sentence, of a headline's length. */
const MAX_LINK_WORDS = 20;

/**
 * Titles set tight under a "Related" or "More:" label, with no blank line between, are the label's links:
 * news pages drop such a box between paragraphs (after a blank line under a sentence), and its titles would
 * otherwise read as subheadings. The run ends at the first blank line or sentence.
 */
function removeLabelledLinks(units: Unit[]): Unit[] {
  for (let i = 0; i < units.length; i++) {
    const label = units[i];
    const before = units[i - 1];
    // Only a box that breaks the prose: a label in the navigation may sit right above the headline.
    if (label?.reason !== LINK_LABEL_REASON || before === undefined || !before.sentence) continue;
    if (label.line === before.line + 1) continue;
    for (let j = i + 1; j < units.length; j++) {
      const link = units[j];
      const above = units[j - 1];
      if (link === undefined || above === undefined || link.line !== above.line + 1) break;
      if (link.role !== null || link.sentence || link.words < 2 || link.words > MAX_LINK_WORDS) break;
      units[j] = withRole(link, 'removed', 'link to another story');
    }
  }
  return units;
}
