"use client";
import { useEffect } from "react";

/**
 * Marks the document once React has hydrated (`<html data-hydrated>`), so browser tests can wait
 * for forms to be interactive instead of typing into server-rendered markup that hydration resets.
 */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
