"use client";
// A "⋯" menu button whose menu (Radix DropdownMenu and its positioning, ~20 kB) loads on first
// use, not with the board: the button is a plain one until hovered, focused or pressed; then the
// menu's module arrives (hovering or focusing starts the download early) and the real menu takes
// its place, already open when the button was pressed. Keyboard: Enter, Space or ↓ open it. The
// "⋯" is a CSS mask (card-icons.css): one element on each of a big board's hundreds of cards.
import "@/components/board/card-icons.css";
import { useRef, useState, type ComponentType, type KeyboardEvent } from "react";

export type LazyMenuContentProps<P> = P & {
  label: string;
  className: string;
  /** Open at once (the button was pressed before the menu had loaded). */
  defaultOpen: boolean;
  /** The placeholder had focus when it was replaced: the real button takes it. */
  takeFocus: boolean;
};

export function LazyMenu<P extends object>({
  load,
  label,
  className,
  menu,
}: {
  load: () => Promise<ComponentType<LazyMenuContentProps<P>>>;
  label: string;
  className: string;
  menu: P;
}) {
  const [Loaded, setLoaded] = useState<ComponentType<LazyMenuContentProps<P>> | null>(null);
  const [openAtOnce, setOpenAtOnce] = useState(false);
  const [takeFocus, setTakeFocus] = useState(false);
  const placeholder = useRef<HTMLButtonElement>(null);
  const fetchMenu = (open: boolean) => {
    if (open) setOpenAtOnce(true);
    void load().then((component) => {
      setTakeFocus(document.activeElement === placeholder.current);
      setLoaded(() => component);
    });
  };
  if (Loaded) {
    return <Loaded {...menu} label={label} className={className} defaultOpen={openAtOnce} takeFocus={takeFocus} />;
  }
  return (
    <button
      ref={placeholder}
      type="button"
      aria-label={label}
      aria-haspopup="menu"
      aria-expanded={false}
      className={className}
      onPointerEnter={() => fetchMenu(false)}
      onFocus={() => fetchMenu(false)}
      onPointerDown={(e) => {
        if (e.button === 0) fetchMenu(true);
      }}
      onClick={() => fetchMenu(true)}
      onKeyDown={(e: KeyboardEvent) => {
        if (e.key === "Enter" || e.key === " " || e.key === "ArrowDown") {
          e.preventDefault();
          fetchMenu(true);
        }
      }}
    >
      <span className="card-icon card-icon-more size-4" aria-hidden="true" />
    </button>
  );
}
