/**
 * Renders an article's blocks. One component per block type, looked up in a map keyed by the type: a
 * new block type in the schema is a type error here until it has a component, never a silent blank.
 * All article text is rendered as React text nodes; nothing from the input is ever parsed as HTML.
 */
import type { ReactNode } from 'react';
import type { Block, BlockType } from '../../shared/article-schema.ts';

type BlockOf<T extends BlockType> = Extract<Block, { type: T }>;
type BlockComponents = { [T in BlockType]: (props: { block: BlockOf<T>; dateline: string | null }) => ReactNode };

const BLOCK_COMPONENTS: BlockComponents = {
  paragraph: ({ block, dateline }) => (
    <p>
      {dateline === null ? null : (
        <>
          <span className="dateline">{dateline}</span> —{' '}
        </>
      )}
      {block.text}
    </p>
  ),
  subheading: ({ block }) => <h2 className="subheading">{block.text}</h2>,
  caption: ({ block }) => (
    <figure className="caption">
      <figcaption>
        {block.text}
        {block.credit === null ? null : (
          <>
            {' '}
            <span className="credit">Photo: {block.credit}</span>
          </>
        )}
      </figcaption>
    </figure>
  ),
  highlights: ({ block }) => (
    <section className="highlights" aria-label="Highlights">
      <ul>
        {block.items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </section>
  ),
  quote: ({ block }) => (
    <figure className="pull-quote">
      <blockquote>
        <p>{block.text}</p>
      </blockquote>
      {block.attribution === null ? null : <figcaption>{block.attribution}</figcaption>}
    </figure>
  ),
};

function renderBlock<T extends BlockType>(block: BlockOf<T>, dateline: string | null): ReactNode {
  const Component: (props: { block: BlockOf<T>; dateline: string | null }) => ReactNode = BLOCK_COMPONENTS[block.type];
  return <Component block={block} dateline={dateline} />;
}

export function ArticleBlocks({ blocks, dateline }: { blocks: readonly Block[]; dateline: string | null }) {
  const firstParagraph = blocks.findIndex((b) => b.type === 'paragraph');
  return (
    <div className="article-body">
      {blocks.map((block, i) => (
        <div key={`${block.line}-${i}`} className="block">
          {renderBlock(block, i === firstParagraph ? dateline : null)}
        </div>
      ))}
    </div>
  );
}
