// Swagger UI's script and stylesheet, served from node_modules/swagger-ui-dist (self-hosted: no CDN),
// plus the few lines that start it on /docs/api. An allow-list of file names; read once per process.
import { readFile } from "node:fs/promises";
import path from "node:path";

const DIST = path.join(process.cwd(), "node_modules", "swagger-ui-dist");

/** Starts Swagger UI on the page's #swagger-ui with the API's document (a file, so the CSP needs no inline script). */
const INIT = `(function () {
function start() {
  var el = document.getElementById("swagger-ui");
  if (!el || !window.SwaggerUIBundle) return;
  window.ui = window.SwaggerUIBundle({
    url: el.getAttribute("data-url"),
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    docExpansion: "list",
    defaultModelsExpandDepth: 0,
    persistAuthorization: false,
    tryItOutEnabled: false
  });
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
})();
`;

const FILES: Record<string, { type: string; read: () => Promise<Buffer | string> }> = {
  "swagger-ui-bundle.js": {
    type: "text/javascript; charset=utf-8",
    read: () => readFile(path.join(DIST, "swagger-ui-bundle.js")),
  },
  "swagger-ui.css": { type: "text/css; charset=utf-8", read: () => readFile(path.join(DIST, "swagger-ui.css")) },
  "init.js": { type: "text/javascript; charset=utf-8", read: async () => INIT },
};

const cache = new Map<string, Promise<Buffer | string>>();

/** GET /docs/api/assets/<file>: one of Swagger UI's files (public; cached by browsers for a day). */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const entry = Object.hasOwn(FILES, file) ? FILES[file] : undefined;
  if (!entry) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  let body = cache.get(file);
  if (!body) {
    body = entry.read();
    cache.set(file, body);
    body.catch(() => cache.delete(file));
  }
  const content = await body;
  return new Response(typeof content === "string" ? content : new Uint8Array(content), {
    headers: {
      "Content-Type": entry.type,
      "Cache-Control": "public, max-age=86400",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
