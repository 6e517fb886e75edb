// The viewer's time zone: the browser knows it, the server does not. Pages with a date picker put
// it in the URL (`tz`); it is also remembered in a cookie so server pages without one (the
// dashboard's sales summary) can use it. Plain module: importable from server and client code.

export const TIME_ZONE_COOKIE = "opsdeck_tz";

/** The browser's IANA time zone, or null where Intl cannot say. */
export function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

/** The cookie's value decoded; null when it is missing or not valid percent-encoding (a tossed cookie). */
export function decodeTimeZoneCookie(raw: string | undefined): string | null {
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** Remembers the browser's zone for a year; true when it changed (a server render used another). */
export function rememberTimeZone(tz: string): boolean {
  const current = document.cookie
    .split("; ")
    .find((c) => c.startsWith(`${TIME_ZONE_COOKIE}=`))
    ?.slice(TIME_ZONE_COOKIE.length + 1);
  if (decodeTimeZoneCookie(current) === tz) return false;
  document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(tz)}; path=/; max-age=31536000; samesite=lax`;
  return true;
}
