/** The single-line rules the extractor's passes are built from, one table per rule. */
import { describe, expect, it } from 'vitest';
import { bylineName, isBylineLine, isDateLine, isNamesLine } from '../../src/ingest/extract/byline-and-date-lines.ts';
import { splitDateline } from '../../src/ingest/extract/dateline.ts';
import { isSentenceLike, isTitleLike, wordCount } from '../../src/ingest/extract/line-features.ts';
import { creditName, isPhotoCredit } from '../../src/ingest/extract/photo-credit.ts';
import { isCutCopy, splitInlineCredit } from '../../src/ingest/extract/mark-captions.ts';
import { findDate } from '../../src/ingest/extract/published-date.ts';
import { matchBoilerplate } from '../../src/ingest/extract/boilerplate-rules.ts';
import { normaliseLine, toSourceLines } from '../../src/ingest/extract/source-lines.ts';
import { cutHoverCards } from '../../src/ingest/extract/hover-cards.ts';

describe('datelines', () => {
  it.each([
    ['JEDDAH — The United States agreed', 'JEDDAH', 'The United States agreed'],
    ['LONDON (Reuters) - Shares fell', 'LONDON', 'Shares fell'],
    ['NEW DELHI: The court ruled', 'NEW DELHI', 'The court ruled'],
    ['WASHINGTON, March 11 (AP) — Lawmakers voted', 'WASHINGTON', 'Lawmakers voted'],
    ['PORTMERE, Wales — Voters approved', 'PORTMERE', 'Voters approved'],
    ['الخرطوم — أعلنت السلطات', 'الخرطوم', 'أعلنت السلطات'],
    ['القدس (رويترز) - قال مسؤولون', 'القدس', 'قال مسؤولون'],
  ])('splits %j', (paragraph, place, rest) => {
    expect(splitDateline(paragraph)).toEqual({ place, rest });
  });

  it.each([
    'The United States agreed — on Tuesday — to resume aid.',
    'I — for one — disagree.',
    'US officials said on Tuesday that talks would go on.',
    'وقال مسؤول في الدفاع المدني إن فرق الإنقاذ — كما قال — نقلت السكان',
    'الخرطوم: أعلنت السلطات',
  ])('leaves %j alone', (paragraph) => {
    expect(splitDateline(paragraph)).toBeNull();
  });
});

describe('photo credits', () => {
  it.each([
    ['Reuters', 'Reuters'],
    ['Getty Images', 'Getty Images'],
    ['Photo: Jane Doe/AP', 'Jane Doe/AP'],
    ['(AFP)', 'AFP'],
    ['Image credit: NASA', 'NASA'],
    ['John Smith | AFP via Getty Images', 'John Smith | AFP via Getty Images'],
  ])('recognises %j', (line, name) => {
    expect(isPhotoCredit(line)).toBe(true);
    expect(creditName(line)).toBe(name);
  });

  it.each([
    'Reuters reported that the talks had stalled on Tuesday evening.',
    'Russia’s response',
    'Comments',
    // A byline with the outlet after a bar, printed under a headline.
    'By Ana Lindqvist | Harbour News',
  ])('does not take %j for a credit', (line) => expect(isPhotoCredit(line)).toBe(false));
});

describe('captions', () => {
  it.each([
    ['Stock fell after the results. Photograph by Ana Ruiz/AFP', 'Stock fell after the results.', 'Ana Ruiz/AFP'],
    ['A plan of the module. Credit: ESA', 'A plan of the module.', 'ESA'],
    ['Crowds on the quay (Image: GETTY)', 'Crowds on the quay', 'GETTY'],
    [
      'Workers at the pier on Nov. 20, 2019.Ilse Varga / AP file',
      'Workers at the pier on Nov. 20, 2019.',
      'Ilse Varga / AP file',
    ],
    ['The mayor said: we will build it.', 'The mayor said: we will build it.', null],
  ])('%j is caption %j with credit %j', (line, text, credit) =>
    expect(splitInlineCredit(line)).toEqual({ text, credit }),
  );
  it("knows a gallery overlay's shortened copy of a caption", () => {
    const caption = 'Workers unload timber from a barge at the old ferry pier in Marden Harbour on Wednesday.';
    expect(isCutCopy('Workers unload timber from a barge at the old ferry pier in ... more', caption)).toBe(true);
    expect(isCutCopy('Workers unload timber from a barge at the old ferry pier in Marden.', caption)).toBe(false);
  });
});

describe('published dates', () => {
  it.each([
    ['Published 14 October 2024', '2024-10-14'],
    ['March 11, 2025', '2025-03-11'],
    ['Updated: Mar. 11, 2025 5:02 PM', '2025-03-11'],
    ['2025-03-11T10:15:00Z', '2025-03-11T10:15:00Z'],
    ['2025-03-11T10:15:00+0530', '2025-03-11T10:15:00+05:30'],
    ['2025-03-11 10:15', '2025-03-11'],
    ['February 30, 2025', null],
    ['Nothing here', null],
    ['Von Anna Schmidt publiziert am 25. September 2018', '2018-09-25'],
    ['12a etapa: 9 de dezembro de 2018', '2018-12-09'],
    ['Publié le 3 février 2020', '2020-02-03'],
    ['13/06/2014 Tony Carter', '2014-06-13'],
    ['Updated 11/18/2019 9:02', '2019-11-18'],
    ['2016.12.01', '2016-12-01'],
    // Day and month could be either way round: no date rather than a wrong one.
    ['03/04/2019', null],
  ])('reads %j as %j', (text, iso) => {
    expect(findDate(text)).toBe(iso);
  });
});

describe('byline and date lines', () => {
  it.each(['By Maria Okafor', 'By Maria Okafor and Tom Lindqvist', 'Von Anna Schmidt'])('%j is a byline', (t) =>
    expect(isBylineLine(t)).toBe(true),
  );
  it.each(['By the end of the week the talks had collapsed.', 'Byron Bay floods again'])('%j is not a byline', (t) =>
    expect(isBylineLine(t)).toBe(false),
  );
  it.each([
    'Published 14 October 2024',
    'Updated 3 hours ago',
    'March 11, 2025',
    '03/04/2019 Sam Okoro',
    'Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM',
  ])('%j is a date line', (t) => expect(isDateLine(t)).toBe(true));
  it.each(['Opening Bell 11.18.19', 'Week 12 results', 'Nov 19 vote looms'])('%j is not a date line', (t) =>
    expect(isDateLine(t)).toBe(false),
  );
  it.each([
    ['By Maria Okafor', 'Maria Okafor'],
    ['By Ana Ruiz | Updated 3 May 2024', 'Ana Ruiz'],
    ['Von Lena Vogt publiziert am 30. Juli 2018', 'Lena Vogt'],
    ['By Jonas Weller, published on 14 May 2024', 'Jonas Weller'],
    ['Par Claire Dubois', 'Claire Dubois'],
    ['By Tom Lee and Sara Dunn', 'Tom Lee and Sara Dunn'],
    ['Maria Holt and Peter K. Lang Valley Courier', 'Maria Holt and Peter K. Lang'],
    ['By Ana Ruiz , Tom Lee on Friday, March 7th, 2025 at 9:42 a.m.', 'Ana Ruiz, Tom Lee'],
  ])('the names in %j are %j', (line, name) => expect(bylineName(line)).toBe(name));
  it.each([
    ['Maria Holt and Peter K. Lang Valley Courier', true],
    ['Ana Ruiz, Tom Lee and Sara Dunn', true],
    ['Donald Trump and Joe Biden clash over taxes', false],
    ['Trump and Biden Clash', false],
  ])('%j is a line of names: %j', (line, names) => expect(isNamesLine(line)).toBe(names));
});

describe('line features', () => {
  it('counts words across scripts', () => {
    expect(wordCount('The U.S.-Ukraine talks')).toBe(3);
    expect(wordCount('Putin’s long-term aims')).toBe(3);
    expect(wordCount('東京都は新しい計画を発表した')).toBeGreaterThan(3);
  });
  it.each([
    ['He said the talks went well.', true],
    ['“Every day that goes by, people die,” he said.', true],
    ['Will Russia agree?', false],
    ['Top Stories', false],
    ['Officials will decide after six months whether to open more. PTI', true],
    ['Officials will decide after six months with help from NASA', false],
  ])('%j is sentence-like: %s', (t, expected) => expect(isSentenceLike(t)).toBe(expected));
  it.each([
    ['Russia’s response', true],
    ['Will Russia agree?', true],
    ['He said the talks went well.', false],
    ['and then, lower case only', false],
  ])('%j is title-like: %s', (t, expected) => expect(isTitleLike(t)).toBe(expected));
});

describe('page furniture rules', () => {
  it.each([
    ['Subscribe Now Choose a package that suits your preferences.', 'line'],
    ['More from World', 'section'],
    ['Comments', 'comments'],
    ['12 Comments', 'line'],
    ['34 responses to “Lynn: we needed this”', 'comments'],
    ['Leave a Reply', 'comments'],
    ['See what people are discussing', 'comments'],
    ['Top Stories', 'section'],
    ['Advertisement', 'line'],
    ['© 2024 Coastal Courier. All rights reserved.', 'line'],
    ['Sign Up', 'line'],
    ['More:', 'line'],
    ['Über Lena Vogt', 'section'],
    ['Sobre Carlos Mendes', 'section'],
    ['Also on harbournews.example Ferry strike enters its second week', 'line'],
    ['Like this story? Share it with a friend!', 'line'],
    ['Thanks for watching!Visit Website', 'line'],
    ['Facebook Twitter Email LinkedIn Reddit Pinterest', 'line'],
    ['Zurück zur Übersicht', 'line'],
    ['Back to Gallery', 'line'],
  ])('%j is furniture (%s)', (text, strength) => {
    expect(matchBoilerplate(text)?.strength).toBe(strength);
  });
  it.each([
    'The comments were made on Tuesday.',
    'Subscribers to the theory say otherwise.',
    'Share prices fell 3%.',
    'Sign up rates for the course doubled this year.',
    'Also on the agenda was the harbour budget.',
    'Back to the drawing board for the harbour plan, the council said on Monday after the vote.',
    'Facebook and Twitter face new rules',
  ])('%j is not furniture', (text) => expect(matchBoilerplate(text)).toBeNull());
});

describe('source lines', () => {
  it('numbers lines through CRLF, CR and LF alike and drops blank ones', () => {
    expect(toSourceLines('a\r\n\r\nb\rc\n\nd').map((l) => [l.line, l.text])).toEqual([
      [1, 'a'],
      [3, 'b'],
      [4, 'c'],
      [6, 'd'],
    ]);
  });
  it('records how each line stands among blank lines', () => {
    expect(toSourceLines('a\n\nb\nc\n\nd').map((l) => l.spacing)).toEqual(['isolated', 'edge', 'edge', 'isolated']);
    expect(toSourceLines('x\nm1\nm2\nm3\n').map((l) => l.spacing)).toEqual(['edge', 'run', 'run', 'edge']);
  });
  it('treats a run of long sentences with no blank lines between them as paragraphs', () => {
    const sentence = 'This sentence is long enough to count as a line of prose in a story about the sea wall.';
    expect(toSourceLines(`Menu\n${sentence}\n${sentence}\n${sentence}`).map((l) => l.spacing)).toEqual([
      'isolated',
      'isolated',
      'isolated',
      'isolated',
    ]);
  });
  it('folds tabs and no-break spaces, and strips zero-width and bidi controls', () => {
    expect(normaliseLine('\tKyiv\u00a0talks\u200b \u202eend\u202c  ')).toBe('Kyiv talks end');
  });
});

describe('hover cards', () => {
  it('takes a name card glued into a sentence out of it', () => {
    expect(
      cutHoverCards(
        'A man threatened Sen. Ada MorrisAda MorrisBudget talks stall | Bridge vote delayed Morris backs new harbour plan MORE (D-Maine), prosecutors said.',
      ),
    ).toBe('A man threatened Sen. Ada Morris (D-Maine), prosecutors said.');
  });
  it('leaves a line with no doubled name alone', () => {
    const line = 'The council voted to SEE MORE of the budget, members said.';
    expect(cutHoverCards(line)).toBe(line);
  });
});
