// What to tell a person when the browser's passkey prompt fails (@simplewebauthn/browser raises
// WebAuthnError / DOMException names): cancelled, timed out, already registered, not supported.
export function passkeyBrowserError(error: unknown, ceremony: "create" | "get"): string {
  const name = error instanceof Error ? error.name : "";
  const code = (error as { code?: string } | null)?.code ?? "";
  if (name === "InvalidStateError" || code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED") {
    return "This device already holds a passkey for your account.";
  }
  if (name === "NotAllowedError" || name === "AbortError") {
    return ceremony === "create"
      ? "No passkey was created: the prompt was closed or timed out."
      : "No passkey was used: the prompt was closed or timed out.";
  }
  if (name === "NotSupportedError" || name === "SecurityError") {
    return "This browser cannot use passkeys for this site.";
  }
  return ceremony === "create"
    ? "The passkey could not be created. Try again."
    : "The passkey could not be used. Try again.";
}

/** A default name for a new passkey, from the browser's platform. */
export function suggestedPasskeyName(userAgent: string): string {
  if (/iPhone|iPad/.test(userAgent)) return "iPhone or iPad";
  if (/Android/.test(userAgent)) return "Android phone";
  if (/Mac OS X/.test(userAgent)) return "Mac";
  if (/Windows/.test(userAgent)) return "Windows PC";
  if (/CrOS/.test(userAgent)) return "Chromebook";
  if (/Linux/.test(userAgent)) return "Linux computer";
  return "Passkey";
}
