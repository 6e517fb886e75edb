// HTTP tests of /api/v1 route handlers without a server: builds the Request a client would send
// (API key as Bearer, JSON body, extra headers) and calls the exported handler as Next.js would,
// params included. The handler runs exactly as in production from withApi down; only Next's
// routing is skipped (e2e/api/*.spec.ts covers that over real HTTP).
type RouteHandler = (request: Request, route?: { params?: Promise<Record<string, string>> }) => Promise<Response>;

export type CallOptions = {
  key?: string;
  body?: unknown;
  /** A raw body sent as is (for 400/413/415 cases); `body` is JSON-encoded instead. */
  rawBody?: BodyInit;
  headers?: Record<string, string>;
  params?: Record<string, string>;
  query?: Record<string, string>;
};

export async function callRoute(
  handler: RouteHandler,
  method: string,
  path: string,
  options: CallOptions = {},
  // The parsed JSON is whatever the route answered; tests assert on its shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ status: number; headers: Headers; body: any }> {
  const url = new URL(path, "http://localhost:3000");
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const headers = new Headers(options.headers);
  if (options.key) headers.set("authorization", `Bearer ${options.key}`);
  let body: BodyInit | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const response = await handler(new Request(url, { method, headers, body }), {
    params: Promise.resolve(options.params ?? {}),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (CSV, HTML): the text as is.
  }
  return { status: response.status, headers: response.headers, body: parsed };
}
