/**
 * Page furniture that is never part of an article, as data. Each rule says what it matches, why the
 * line is dropped (shown to the reader under "Show removed text") and which kind of page taught it.
 *
 * Two strengths:
 * - `line`: the line itself is furniture; the article may go on after it.
 * - `section`: the line heads a block of furniture (link lists): the article does not go on across it,
 *   so the body search treats it as a wall.
 * - `comments`: a wall too, and once the story has begun, what follows is readers' comments: prose that
 *   can outweigh a short story, so the body search damps everything after it.
 */

import { wordCount } from './line-features.ts';

export type RuleStrength = 'line' | 'section' | 'comments';

export interface BoilerplateRule {
  readonly pattern: RegExp;
  /** Lines with more words never match, so the pattern is not even tried on them (speed). */
  readonly maxWords: number;
  /**
   * A cheap test every match passes; the pattern is tried only on lines that pass it (speed). Strings are
   * looked for as they are, case and all: faster than a regular expression on lines that hold none.
   */
  readonly requires?: RegExp | readonly string[];
  readonly strength: RuleStrength;
  readonly reason: string;
  /** The kind of page that showed the need for this rule. */
  readonly taughtBy: string;
}

export const WIDGET_LABEL_REASON = 'button or widget label';
export const AUTHOR_BOX_REASON = 'heading of an author or company box';
export const LINK_HEADING_REASON = 'heading of a list of links to other pages';
export const PROMPT_REASON = 'subscription or sign-in prompt';
/** "Learn More", "Find out more": a promotion's button; the line set tight above it is the promotion. */
export const CALL_TO_ACTION_REASON = 'call-to-action button';
/** A date and time on a line of its own: a comment's or teaser's stamp, or the story's own date under its headline. */
export const TIMESTAMP_REASON = 'timestamp';
/** "Related", "More:": the lines set tight under such a label are its links (mark-furniture.ts). */
export const LINK_LABEL_REASON = 'label of a link to another page';
/** A title set tight under such a label or a link-list heading. */
export const LINKED_STORY_REASON = 'link to another story';

export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  {
    pattern:
      /^(subscribe( now| today)?|sign ?up( now| today| for free| here)?$|start (your )?free (account|trial)|already a (subscriber|member)|current print subscriber|activate your (complimentary )?digital|sign in|log ?in|register|create (a |your )?free account|become a (subscriber|member))\b/i,
    maxWords: Infinity,
    strength: 'line',
    reason: PROMPT_REASON,
    taughtBy: 'metered-paywall pages that print their offer above the story (seed 000)',
  },
  {
    pattern:
      /^(top stories|trending( now| stories)?|latest (news|headlines|stories|articles|posts)|trending news|most (read|popular|viewed|shared|commented)( (in|on|from) [\p{L} &'-]{1,40})?|editor'?s picks|recommended( for you| stories| reading)?|you (may|might) also like|(you )?might also be interested in|more (stories|news|articles)|more (from|on|in|about)[\p{L} &'-]{0,40}:?|related (stories|articles|content|coverage|news|topics|posts)|popular (now|posts|stories)|in other news|around the web|sponsored (stories|links))$/iu,
    maxWords: 10,
    strength: 'section',
    reason: LINK_HEADING_REASON,
    taughtBy: 'pages ending in "More from World" teaser lists; section nav above the headline (seed 001)',
  },
  {
    // The same headings in the languages of the corpus's other pages (Portuguese, Spanish, French, German,
    // Italian, Dutch).
    pattern:
      /^(artigos relacionados|posts relacionados|notícias relacionadas|mais lidas|você (também )?pode gostar|noticias relacionadas|artículos relacionados|te puede interesar|lo más leído|vous aimerez aussi|articles similaires|les plus lus|sur le même sujet|das könnte sie auch interessieren|mehr zum thema|meistgelesen|ähnliche artikel|articoli correlati|potrebbe interessarti|i più letti|gerelateerde artikelen|meest gelezen)\s*:?$/iu,
    maxWords: 6,
    strength: 'section',
    reason: LINK_HEADING_REASON,
    taughtBy: 'Portuguese and Italian blogs ending in "Artigos relacionados" link lists',
  },
  {
    pattern: /^(\d+|no)\s+(comments?|responses?|replies)$|^comments? \(\d+\)$/i,
    maxWords: 3,
    strength: 'line',
    reason: 'comment count',
    taughtBy: 'bylines followed by "0 Comments": a count beside the story, not the start of the thread',
  },
  {
    pattern:
      /^(related|read more|read next|see also|also read|more|leia também|veja também|lee también|lea también|lire aussi|à lire aussi|leggi anche|lees ook|lesen sie auch|siehe auch)\s*:?$/iu,
    maxWords: 3,
    strength: 'line',
    reason: LINK_LABEL_REASON,
    taughtBy: 'news pages that put a one-line teaser between paragraphs: the story goes on after it',
  },
  {
    pattern:
      /^(comments?|reader comments|\d+\s+(comments?|responses?|replies|thoughts) (to|on) [“"‘'].*|show comments|view comments|load comments|leave a (comment|reply)|post a comment|add a comment|write a comment|comments are closed|join the (conversation|discussion)|see what people are discussing|conversation|discussion)$/iu,
    maxWords: 30,
    strength: 'comments',
    reason: 'comment section',
    taughtBy:
      'pages that end in a comment widget or a thread of reader comments longer than the story (seed 001, blogs)',
  },
  {
    pattern: /^(?!by\s).{1,120}\bon \S.{2,40}\b\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?\s*(said|says|wrote)?:?$/iu,
    maxWords: 30,
    requires: /\d[:.]\d\d/,
    strength: 'line',
    reason: 'comment header (author and time)',
    taughtBy: 'blog comment threads: "Alex on September 17, 2018 at 6:34 am said:"',
  },
  {
    pattern:
      /^(\p{L}+,? )?(\p{L}+\.? \d{1,2},? \d{4}|\d{1,2} \p{L}+\.? \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4}),? (at )?\d{1,2}[:.]\d{2}( ?[ap]\.?m\.?)?( [A-Z]{2,4})?$/iu,
    maxWords: 10,
    requires: /\d/,
    strength: 'line',
    reason: TIMESTAMP_REASON,
    taughtBy: 'comment threads and live blogs that stamp every entry "November 19, 2019 at 6:34 am"',
  },
  {
    pattern: /^(\d+|a|an) (second|minute|hour|day|week|month|year)s? ago( at \d{1,2}[:.]\d{2}( ?[ap]\.?m\.?)?)?$/i,
    maxWords: 10,
    requires: /ago/i,
    strength: 'line',
    reason: TIMESTAMP_REASON,
    taughtBy: 'comment threads and teaser lists ("2 days ago at 07:52 am")',
  },
  {
    pattern:
      /^(share|share (this|on|via) [\p{L} ]{1,30}|tweet|email|print|copy link|facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|telegram|advertisement|ad|sponsored( content)?|skip to (main )?content|menu|search|close|back to top|report( abuse)?)$/iu,
    maxWords: 6,
    strength: 'line',
    reason: WIDGET_LABEL_REASON,
    taughtBy: 'pages whose share bar and ad slots copy as one-word lines; embedded posts\' "Report" link',
  },
  {
    pattern:
      /(\bfollow (him|her|them|me|us)( on (twitter|x|facebook|instagram|linkedin|threads|bluesky)\b|\s+@\w)|\b(can|may) be reached at \S+@|^e-?mail \p{Lu}[\p{L}'’ -]{1,40} at \S+@\S+|^join (us|our) .{0,60}\b(forums?|community|discord|discussion)\b)/iu,
    maxWords: 45,
    requires: ['ollow', 'OLLOW', 'reached at', '@', 'oin ', 'OIN '],
    strength: 'line',
    reason: 'how to follow or reach the author',
    taughtBy: 'stories ending "Email Ana Ruiz at … or follow her @…" and "Join our forums …" under the last paragraph',
  },
  {
    pattern: /\bis (a )?part of [^,.]{2,40}, an? [^.]{0,40}\b(media|publishing|publisher)\b/iu,
    maxWords: 40,
    requires: ['part of'],
    strength: 'line',
    reason: "the publisher's footer",
    taughtBy: 'magazine sites whose footer says "X is part of Y, an international media group"',
  },
  {
    pattern: /^(learn more|find out more|discover more|get started|see (the )?offer|see details)\s*[»›>→]?$/iu,
    maxWords: 4,
    requires: /^(learn|find|discover|get|see)\b/i,
    strength: 'line',
    reason: CALL_TO_ACTION_REASON,
    taughtBy: 'regional news pages that open with a promotion banner and its "Learn More" button',
  },
  {
    pattern: /^((previous|prev|next|older|newer)( (post|article|story|entry|page))?|previous next|prev next)$/iu,
    maxWords: 3,
    requires: /^(prev|next|older|newer)/i,
    strength: 'line',
    reason: 'link to the previous or next post',
    taughtBy: 'blogs that print "Previous Post" / "Next Post" links between the title and the date',
  },
  {
    pattern:
      /^(?:(?:facebook|twitter|e-?mail|linkedin|reddit|pinterest|whatsapp|print|share|messenger|tumblr|telegram|flipboard|copy link|sms)[\s,|·•]*){2,}$/iu,
    maxWords: 12,
    requires: /facebook|twitter|linkedin|pinterest|whatsapp|reddit|messenger|telegram/i,
    strength: 'line',
    reason: WIDGET_LABEL_REASON,
    taughtBy: 'share bars that copy as one line of network names ("Facebook Twitter Email LinkedIn Reddit")',
  },
  {
    pattern:
      /^(share( this| on| via| all| close)?\b.*\b(facebook|twitter|options|email|whatsapp|linkedin)\b.*|(show|hide) (more )?sharing options|follow us( on [\p{L} ]{1,20})?|continue reading( the main story| below)?|these are external links.*|(you are )?signed in as.*|something went wrong.*|(subscribe|sign up) (to|for) (our|the) [\p{L} ]{0,20}newsletters?.*|newsletter sign[ -]?up|text size|print (this )?(article|story|page|post)|share (it|this( article| story| post)?) with( your)? friends|click to (share|email|print)\b.*|(back to|zurück zu[rm]?|retour (à|aux?)|volver a|voltar para|torna a)\b.{0,30}|(like|enjoy(ed)?|love)d? this (story|article|post)\?.{0,40}\bshare\b.*|thanks for watching\b.*)$/iu,
    maxWords: 25,
    strength: 'line',
    reason: WIDGET_LABEL_REASON,
    taughtBy: 'share bars, follow buttons and "continue reading" links that copy as a line of text',
  },
  {
    pattern:
      /^((related|read more|see more|more|also read|read also|watch|listen|recommended|don't miss|must read|trending|opinion|latest)\s*:\s+\S.*|also on [\p{L}\d-]+\.[a-z]{2,}\s+\S.*|.*\[(insight|video|reaction|pics?|photos?|poll|gallery|watch|live|analysis)\]\s*\|?)$/iu,
    maxWords: 30,
    requires: /[:\]]|^also on /i,
    strength: 'line',
    reason: 'link to another story',
    taughtBy: 'stories with inline teasers between paragraphs ("Related: …", "SEE MORE: …", "… [INSIGHT]")',
  },
  {
    pattern:
      /(\bnewsletters?\b|\bsubscribe\b|\bunsubscribe\b|\bsign up\b.*\b(free|daily|weekly|e-?mail)\b|\bclick(ing)? here\b|\bget the .{1,30} app\b|^follow (us|[\p{Lu}][\p{L}]+( [\p{Lu}][\p{L}]+)?) on\b|^join (us|our) )/iu,
    maxWords: 30,
    requires: /newsletter|subscri|sign up|click|app\b|^follow|^join/i,
    strength: 'line',
    reason: 'newsletter, app or follow prompt',
    taughtBy: 'pages that end (or break) the story with sign-up forms and "follow us" lines',
  },
  {
    pattern:
      /^([Aa]bout (the )?(author|authors|writer|editor|us|the company)|([Aa]bout|[Ss]obre|[Üü]ber|[Àà] propos de|[Aa]cerca de|su|o) [\p{Lu}][\p{L}&.'’ -]{1,40})$/u,
    maxWords: 5,
    strength: 'section',
    reason: AUTHOR_BOX_REASON,
    taughtBy: 'blog posts and press releases that end with "About the author" or "About <company>"',
  },
  {
    pattern: /^(©|\(c\)|copyright\b)/i,
    maxWords: Infinity,
    strength: 'line',
    reason: 'copyright notice',
    taughtBy: 'page footers',
  },
  {
    pattern:
      /\b(we use cookies|cookie (policy|settings|preferences)|accept (all )?cookies|privacy policy|terms of (use|service))\b/i,
    maxWords: Infinity,
    requires: /ookie|rivacy|erms of/i,
    strength: 'line',
    reason: 'cookie or legal notice',
    taughtBy: 'pages with consent banners and legal footers',
  },
];

function passes(requires: RegExp | readonly string[], text: string): boolean {
  return requires instanceof RegExp ? requires.test(text) : requires.some((part) => text.includes(part));
}

export function matchBoilerplate(text: string, words = wordCount(text)): BoilerplateRule | null {
  for (const rule of BOILERPLATE_RULES) {
    if (words > rule.maxWords || (rule.requires !== undefined && !passes(rule.requires, text))) continue;
    if (rule.pattern.test(text)) return rule;
  }
  return null;
}
