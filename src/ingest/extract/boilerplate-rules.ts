/**
 * Page furniture that is never part of an article, as data. Each rule says what it matches, why the
 * line is dropped (shown to the reader under "Show removed text") and which kind of page taught it.
 *
 * Two strengths:
 * - `line`: the line itself is furniture; the article may go on after it.
 * - `section`: the line heads a block of furniture (link lists, comments): the article does not go on
 *   across it, so the body search treats it as a wall.
 */

export type RuleStrength = 'line' | 'section';

export interface BoilerplateRule {
  readonly pattern: RegExp;
  readonly strength: RuleStrength;
  readonly reason: string;
  /** The kind of page that showed the need for this rule. */
  readonly taughtBy: string;
}

export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  {
    pattern:
      /^(subscribe( now| today)?|start (your )?free (account|trial)|already a (subscriber|member)|current print subscriber|activate your (complimentary )?digital|sign in|log ?in|register|create (a |your )?free account|become a (subscriber|member))\b/i,
    strength: 'line',
    reason: 'subscription or sign-in prompt',
    taughtBy: 'metered-paywall pages that print their offer above the story (seed 000)',
  },
  {
    pattern:
      /^(top stories|trending( now)?|latest( news)?|most (read|popular|viewed|shared)|editor'?s picks|recommended( for you)?|you (may|might) also like|read (more|next)|related( (stories|articles|content|coverage|news|topics))?|more (stories|news)|more from [\p{L} &'-]{1,40})$/iu,
    strength: 'section',
    reason: 'heading of a list of links to other pages',
    taughtBy: 'pages ending in "More from World" teaser lists; section nav above the headline (seed 001)',
  },
  {
    pattern:
      /^(\d+\s+)?(comments?|show comments|view comments|leave a (comment|reply)|join the (conversation|discussion)|see what people are discussing|conversation|discussion)$/i,
    strength: 'section',
    reason: 'comment section',
    taughtBy: 'pages that end in a comment widget (seed 001)',
  },
  {
    pattern:
      /^(share|share (this|on|via) [\p{L} ]{1,30}|tweet|email|print|copy link|facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|telegram|advertisement|ad|sponsored( content)?|skip to (main )?content|menu|search|close|back to top)$/iu,
    strength: 'line',
    reason: 'button or widget label',
    taughtBy: 'pages whose share bar and ad slots copy as one-word lines',
  },
  {
    pattern: /^(©|\(c\)|copyright\b)/i,
    strength: 'line',
    reason: 'copyright notice',
    taughtBy: 'page footers',
  },
  {
    pattern:
      /\b(we use cookies|cookie (policy|settings|preferences)|accept (all )?cookies|privacy policy|terms of (use|service))\b/i,
    strength: 'line',
    reason: 'cookie or legal notice',
    taughtBy: 'pages with consent banners and legal footers',
  },
];

export function matchBoilerplate(text: string): BoilerplateRule | null {
  for (const rule of BOILERPLATE_RULES) if (rule.pattern.test(text)) return rule;
  return null;
}
