"use client";
// Card descriptions and comments, written in Markdown, shown safely: react-markdown builds React
// elements (never innerHTML); raw HTML in the text is dropped (skipHtml, and no rehype-raw);
// react-markdown's default URL filter drops javascript: and other unsafe links; every link opens in
// a new tab with rel="noopener noreferrer"; images become links (no remote loads from a card).
// Loaded on demand (markdown-view.tsx), so it is never part of the board's first load.
import ReactMarkdown, { type Components } from "react-markdown";

const components: Components = {
  a: ({ href, children }) => (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className="font-medium text-brand underline underline-offset-2"
    >
      {children}
    </a>
  ),
  img: ({ src, alt }) =>
    typeof src === "string" && src ? (
      <a href={src} target="_blank" rel="noopener noreferrer" className="text-brand underline underline-offset-2">
        {alt || "Image"}
      </a>
    ) : null,
  h1: ({ children }) => <p className="mt-3 text-base font-semibold first:mt-0">{children}</p>,
  h2: ({ children }) => <p className="mt-3 text-base font-semibold first:mt-0">{children}</p>,
  h3: ({ children }) => <p className="mt-3 font-semibold first:mt-0">{children}</p>,
  h4: ({ children }) => <p className="mt-2 font-semibold first:mt-0">{children}</p>,
  h5: ({ children }) => <p className="mt-2 font-semibold first:mt-0">{children}</p>,
  h6: ({ children }) => <p className="mt-2 font-semibold first:mt-0">{children}</p>,
  p: ({ children }) => <p className="mt-2 first:mt-0">{children}</p>,
  ul: ({ children }) => <ul className="mt-2 list-disc space-y-1 pl-5 first:mt-0">{children}</ul>,
  ol: ({ children }) => <ol className="mt-2 list-decimal space-y-1 pl-5 first:mt-0">{children}</ol>,
  blockquote: ({ children }) => (
    <blockquote className="mt-2 border-l-2 border-border pl-3 text-muted-foreground first:mt-0">{children}</blockquote>
  ),
  code: ({ children }) => <code className="rounded bg-muted px-1 py-0.5 font-mono text-[0.85em]">{children}</code>,
  pre: ({ children }) => (
    <pre className="mt-2 overflow-x-auto rounded-lg bg-muted p-3 font-mono text-xs first:mt-0 [&_code]:bg-transparent [&_code]:p-0">
      {children}
    </pre>
  ),
  hr: () => <hr className="my-3 border-border" />,
  table: ({ children }) => <table className="mt-2 w-full border-collapse text-left text-sm">{children}</table>,
  th: ({ children }) => <th className="border-b border-border px-2 py-1 font-semibold">{children}</th>,
  td: ({ children }) => <td className="border-b border-border px-2 py-1">{children}</td>,
};

export default function Markdown({ text }: { text: string }) {
  return (
    <div className="break-words text-sm leading-relaxed text-foreground" data-testid="markdown">
      <ReactMarkdown skipHtml components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
