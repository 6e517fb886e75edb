// Auth.js: only the external providers' callbacks are served (lib/auth/external/handle-auth-request.ts).
import { handleAuthRequest } from "@/lib/auth/external/handle-auth-request";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleAuthRequest(request);
}

export function POST(request: Request): Promise<Response> {
  return handleAuthRequest(request);
}
