"use client";
// Markdown shown through a renderer loaded on first use (markdown.tsx, with react-markdown): until
// it arrives, the text is shown as it was written, so nothing is lost while it loads.
import { useEffect, useState, type ComponentType } from "react";

type Renderer = ComponentType<{ text: string }>;
let loaded: Renderer | null = null;

export function MarkdownView({ text }: { text: string }) {
  const [Markdown, setMarkdown] = useState<Renderer | null>(() => loaded);
  useEffect(() => {
    if (Markdown) return;
    let live = true;
    void import("@/components/board/markdown").then((m) => {
      loaded = m.default;
      if (live) setMarkdown(() => m.default);
    });
    return () => {
      live = false;
    };
  }, [Markdown]);
  if (!Markdown) return <p className="whitespace-pre-wrap break-words text-sm text-foreground">{text}</p>;
  return <Markdown text={text} />;
}
