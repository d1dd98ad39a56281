import type { Block, Inline, RichText as RichTextDoc } from '../../../functions/content/richtext.ts'
import { EmbeddedItem } from './embedded-item.tsx'

/** Renders the validated rich-text document; there is no HTML in it to trust or sanitise. */
function Inlines({ content }: { content: Inline[] }) {
  return (
    <>
      {content.map((inline) => {
        if (inline.type === 'link') {
          const external = /^https?:\/\//i.test(inline.href)
          return (
            <a href={inline.href} rel={external ? 'noopener' : undefined}>
              {inline.text}
            </a>
          )
        }
        let node: preact.ComponentChild = inline.text
        if (inline.marks?.includes('italic')) node = <em>{node}</em>
        if (inline.marks?.includes('bold')) node = <strong>{node}</strong>
        return node
      })}
    </>
  )
}

function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          <Inlines content={block.content} />
        </p>
      )
    case 'heading': {
      const Heading = `h${block.level}` as 'h2' | 'h3' | 'h4'
      return (
        <Heading>
          <Inlines content={block.content} />
        </Heading>
      )
    }
    case 'list': {
      const List = block.ordered ? 'ol' : 'ul'
      return (
        <List>
          {block.items.map((item) => (
            <li>
              <Inlines content={item} />
            </li>
          ))}
        </List>
      )
    }
    case 'quote':
      return (
        <blockquote>
          <p>
            <Inlines content={block.content} />
          </p>
          {block.cite && <footer>— {block.cite}</footer>}
        </blockquote>
      )
    case 'image':
      return (
        <figure>
          <img src={block.src} alt={block.alt} loading="lazy" decoding="async" />
          {block.caption && <figcaption>{block.caption}</figcaption>}
        </figure>
      )
    case 'embed':
      return <EmbeddedItem block={block} />
  }
}

export function RichText({ doc }: { doc: RichTextDoc }) {
  return (
    <div class="rich-text">
      {doc.content.map((block) => (
        <BlockView block={block} />
      ))}
    </div>
  )
}
