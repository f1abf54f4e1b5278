/**
 * `/compare/?a=<id>&b=<id>`: two outlets' copies of one story side by side, paragraph by paragraph, with
 * what one has and the other lacks and the wording that differs marked. A table: each row is one
 * paragraph of the story, each column one outlet's copy.
 */
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useRouteData } from '../routing/app-routes.tsx';
import type { LoaderArgs } from '../routing/route-loading.ts';
import { notFound } from '../routing/route-status.ts';
import type { Article } from '../../shared/article-schema.ts';
import { outletLabel } from '../../shared/outlet-label.ts';
import { articlePath } from '../../shared/site-paths.ts';
import { alignCopies, summarise, type AlignedRow, type WordRun } from '../compare/align-copies.ts';
import { loadArticleEntry } from '../data/site-data.ts';

export async function loader({ url, signal }: LoaderArgs) {
  const params = url.searchParams;
  const a = params.get('a');
  const b = params.get('b');
  if (a === null || b === null || a === b) throw notFound();
  const [left, right] = await Promise.all([loadArticleEntry(a, signal), loadArticleEntry(b, signal)]);
  return { left: left.article, right: right.article };
}

function textBlocks(article: Article): string[] {
  return article.blocks.flatMap((b) =>
    b.type === 'paragraph' || b.type === 'subheading' || b.type === 'quote' ? [b.text] : [],
  );
}

/** One side of a matched pair: words the other copy lacks or words otherwise are struck (left) or underlined (right). */
function Runs({ runs, side }: { runs: readonly WordRun[]; side: 'left' | 'right' }) {
  const Mark = side === 'left' ? 'del' : 'ins';
  return runs.map((run, i) => (run.changed ? <Mark key={i}>{run.text}</Mark> : run.text));
}

function Row({ row, left, right }: { row: AlignedRow; left: string; right: string }) {
  switch (row.kind) {
    case 'both':
      return (
        <tr className={row.identical ? 'same' : 'reworded'}>
          <td data-copy={left}>
            <Runs runs={row.leftRuns} side="left" />
          </td>
          <td data-copy={right}>
            <Runs runs={row.rightRuns} side="right" />
          </td>
        </tr>
      );
    case 'left-only':
      return (
        <tr className="only">
          <td>
            <span className="only-label">Only in {left}: </span>
            {row.text}
          </td>
          <td className="missing">Not in {right}</td>
        </tr>
      );
    case 'right-only':
      return (
        <tr className="only">
          <td className="missing">Not in {left}</td>
          <td>
            <span className="only-label">Only in {right}: </span>
            {row.text}
          </td>
        </tr>
      );
  }
}

export function Component() {
  const { left, right } = useRouteData<typeof loader>();
  // Without a known outlet, "Copy A" reads better in a sentence than a file name; the header names the file.
  const leftName = left.outlet ?? 'Copy A';
  const rightName = right.outlet ?? 'Copy B';
  const rows = alignCopies(textBlocks(left), textBlocks(right));
  const summary = summarise(rows);
  useEffect(() => {
    document.title = `Compare ${leftName} and ${rightName} — Broadsheet`;
    document.getElementById('compare-title')?.focus();
  }, [leftName, rightName]);
  return (
    <section className="compare" aria-labelledby="compare-title">
      <h1 id="compare-title" tabIndex={-1}>
        Compare coverage
      </h1>
      <p className="compare-summary">
        {summary.both} paragraphs in both ({summary.reworded} worded differently); {summary.leftOnly} only in {leftName}
        ; {summary.rightOnly} only in {rightName}.
      </p>
      <table className="compare-table">
        <caption className="visually-hidden">
          {leftName} and {rightName} paragraph by paragraph; removed words are struck out, added words underlined
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <Link to={articlePath(left.id)}>{leftName}</Link>
              {left.outlet === null && <span className="compare-file"> ({outletLabel(left)})</span>}
              <span className="compare-headline">{left.headline}</span>
            </th>
            <th scope="col">
              <Link to={articlePath(right.id)}>{rightName}</Link>
              {right.outlet === null && <span className="compare-file"> ({outletLabel(right)})</span>}
              <span className="compare-headline">{right.headline}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <Row key={i} row={row} left={leftName} right={rightName} />
          ))}
        </tbody>
      </table>
    </section>
  );
}
