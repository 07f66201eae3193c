import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { plainInlineParts } from '@/lib/plain-inline-text';

// Renders Markdown written by admins or candidates. react-markdown builds React elements and
// never injects raw HTML, so stored text cannot script the page.
// `inline` renders a one-paragraph text without the paragraph, for use inside a heading.
// Headings in the text sit below the page's own: the text is shown under an h2 on most pages, so
// by default "#" becomes an h3, "##" an h4 and so on (at most h6), keeping the outline a screen
// reader announces; `headingLevel` says what "#" becomes where the text sits deeper. They look
// subordinate too: never larger than the text around them (a brief's "#" was text-xl, under a
// text-lg section heading), set apart by weight alone.
const HEADING_CLASS = ['font-semibold', 'font-semibold', 'font-medium', 'font-medium', 'font-medium', 'font-medium'];
type HeadingLevel = 3 | 4 | 5 | 6;
const headingsFrom = (top: HeadingLevel) =>
  Object.fromEntries(
    HEADING_CLASS.map((className, i) => {
      const Tag = `h${Math.min(6, i + top)}` as 'h3' | 'h4' | 'h5' | 'h6';
      return [`h${i + 1}`, ({ node: _node, ...props }: { node?: unknown } & React.HTMLAttributes<HTMLHeadingElement>) => <Tag className={className} {...props} />];
    }),
  );
const HEADINGS = { 3: headingsFrom(3), 4: headingsFrom(4), 5: headingsFrom(5), 6: headingsFrom(6) };

export function Markdown({ children, inline = false, headingLevel = 3 }: { children: string; inline?: boolean; headingLevel?: HeadingLevel }) {
  if (inline) {
    // Plain text with `code` spans (most one-line prompts) skips the parser: same elements.
    const plain = plainInlineParts(children);
    return (
      <span className="[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.9em] dark:[&_code]:bg-slate-800">
        {plain ? plain.map((part, i) => (part.code ? <code key={i}>{part.text}</code> : part.text)) : <ReactMarkdown remarkPlugins={[remarkGfm]} components={{ p: ({ children: text }) => <>{text}</> }}>
          {children}
        </ReactMarkdown>}
      </span>
    );
  }
  return (
    <div className="prose-rehearse space-y-3 leading-relaxed [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.9em] dark:[&_code]:bg-slate-800 [&_li]:ml-5 [&_li>p]:inline [&_ol]:list-decimal [&_pre]:overflow-x-auto [&_pre]:rounded-lg [&_pre]:bg-slate-900 [&_pre]:p-3 [&_pre]:text-slate-100 [&_pre_code]:bg-transparent [&_pre_code]:p-0 [&_ul]:list-disc [&_table]:w-full [&_table]:text-sm [&_td]:border [&_td]:border-slate-200 [&_td]:px-2 [&_td]:py-1 [&_th]:border [&_th]:border-slate-200 [&_th]:bg-slate-100 [&_th]:px-2 [&_th]:py-1 [&_th]:text-left dark:[&_td]:border-slate-700 dark:[&_th]:border-slate-700 dark:[&_th]:bg-slate-800">
      {/* A code block scrolls sideways: focusable, so a keyboard can scroll it too. So does a table:
          a brief's table of code examples is wider than a phone, and unwrapped it widened the page. */}
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={{ ...HEADINGS[headingLevel], pre: ({ node: _node, ...props }) => <pre tabIndex={0} {...props} />, table: ({ node: _node, ...props }) => <div tabIndex={0} role="region" aria-label="Table" className="max-w-full overflow-x-auto"><table {...props} /></div> }}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
