// The sidebar host shim's transport in the preview: each google.script.run call is a POST to /api/run, and the page around the sidebar hears when it starts and ends.
import { apiHeaders } from "./preview-token";

// A module, not a global script: its names stay its own.
export const TRANSPORT_GLOBAL = "__funnelKpisPreviewRun";

/** What the page around a sidebar or dialog is told about each of its server calls. */
export type RunMessage =
  | { source: "funnel-kpis-preview"; type: "running"; id: string; fn: string }
  | { source: "funnel-kpis-preview"; type: "ran"; id: string; fn: string; ok: boolean; toasts: string[]; active: string | null }
  | { source: "funnel-kpis-preview"; type: "close" };

interface RunReply {
  ok: boolean;
  value?: unknown;
  message?: string;
  toasts?: string[];
  active?: string;
}

let calls = 0;

function tell(message: RunMessage): void {
  // Same origin only: the page is the preview's own.
  if (window.parent !== window) window.parent.postMessage(message, window.location.origin);
}

/** Resolves to the CallOutcome JSON the sidebar host's shim expects. */
async function transport(name: string, argsJson: string): Promise<string> {
  const id = `${Date.now()}-${++calls}`;
  tell({ source: "funnel-kpis-preview", type: "running", id, fn: name });
  let reply: RunReply = { ok: false, message: "The preview server did not answer" };
  try {
    const response = await fetch("/api/run", {
      method: "POST",
      headers: apiHeaders(true),
      body: JSON.stringify({ fn: name, args: JSON.parse(argsJson) as unknown }),
    });
    if (!response.ok) throw new Error(`NetworkError: ${response.status} ${await response.text()}`);
    reply = (await response.json()) as RunReply;
  } finally {
    // The run may have written sheets or shown a dialog: the page around the sidebar redraws.
    tell({ source: "funnel-kpis-preview", type: "ran", id, fn: name, ok: reply.ok, toasts: reply.toasts ?? [], active: reply.active ?? null });
  }
  return JSON.stringify(reply.ok ? { ok: true, value: reply.value ?? null } : { ok: false, message: reply.message ?? "Unknown error" });
}

if (typeof window !== "undefined") Object.defineProperty(window, TRANSPORT_GLOBAL, { value: transport, configurable: true });
