/**
 * `npx tsx scripts/explain-headline.ts FILE...`: the headline candidates the extractor weighed for each
 * file, best first, with their scores. For working on the headline rules, not used by the build.
 */
import { readFileSync } from 'node:fs';
import { decodeText } from '../src/ingest/extract/decode-text.ts';
import { PASSES } from '../src/ingest/extract/extract-article.ts';
import { newDraft } from '../src/ingest/extract/draft.ts';
import { findHeadline, rankHeadlineCandidates } from '../src/ingest/extract/find-headline.ts';
import { toSourceLines } from '../src/ingest/extract/source-lines.ts';

for (const file of process.argv.slice(2)) {
  // Run the passes up to (not including) the headline pass: the state findHeadline sees.
  let draft = newDraft(toSourceLines(decodeText(readFileSync(file))));
  for (const pass of PASSES) {
    if (pass === findHeadline) break;
    draft = pass(draft);
  }
  console.log(`== ${file}`);
  for (const c of rankHeadlineCandidates(draft)
    .sort((a, b) => b.score - a.score)
    .slice(0, 8)) {
    const text = draft.units[c.index]?.text ?? '';
    console.log(`${c.score.toFixed(2)}  vocab ${c.vocabulary.toFixed(2)}  d${c.distance}  ${text.slice(0, 90)}`);
  }
}
