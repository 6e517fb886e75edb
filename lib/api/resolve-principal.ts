// Who is calling the API: an API key (Authorization: Bearer) or else the browser session. A
// session must be fully signed in (a pending second factor or 2FA enrolment gets 401 with what to
// do); a key is checked against its owner on every request (authenticate-api-key.ts).
import "server-only";
import { authenticateApiKey, type KeyActor } from "@/lib/api/authenticate-api-key";
import { requireViewer } from "@/lib/auth/require-viewer";
import { getRequestViewer, type Viewer } from "@/lib/auth/viewer";
import { SESSION_COOKIE } from "@/lib/auth/cookie";
import { UnauthenticatedError } from "@/lib/errors";

export type ApiPrincipal = Viewer | KeyActor;

export function isKeyActor(principal: ApiPrincipal): principal is KeyActor {
  return "apiKey" in principal;
}

export async function resolvePrincipal(request: Request, ip: string | null): Promise<ApiPrincipal> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer +(\S+)$/i.exec(authorization.trim());
    if (!match) {
      throw new UnauthenticatedError("Send the API key as Authorization: Bearer <key>.", "invalid_authorization");
    }
    return authenticateApiKey(match[1]!, ip);
  }
  // No session cookie on the request: no session to look up (and nothing to decode).
  const hasSessionCookie = (request.headers.get("cookie") ?? "").includes(`${SESSION_COOKIE}=`);
  const viewer = hasSessionCookie ? await getRequestViewer(request) : null;
  if (!viewer) {
    throw new UnauthenticatedError("Authenticate with an API key (Authorization: Bearer <key>) or sign in.");
  }
  requireViewer(viewer);
  return viewer;
}
