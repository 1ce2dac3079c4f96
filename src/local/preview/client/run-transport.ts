// The sidebar host shim's transport in the preview: each google.script.run call is a POST to /api/run, and the page is told to redraw.

// A module, not a global script: its names stay its own.
export const TRANSPORT_GLOBAL = "__funnelKpisPreviewRun";

interface RunReply {
  ok: boolean;
  value?: unknown;
  message?: string;
}

/** Resolves to the CallOutcome JSON the sidebar host's shim expects. */
async function transport(name: string, argsJson: string): Promise<string> {
  const response = await fetch("/api/run", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ fn: name, args: JSON.parse(argsJson) as unknown }),
  });
  if (!response.ok) throw new Error(`NetworkError: ${response.status} ${await response.text()}`);
  const reply = (await response.json()) as RunReply;
  // The run may have written sheets or shown a dialog: the page around the sidebar redraws.
  if (window.parent !== window) window.parent.postMessage({ source: "funnel-kpis-preview", type: "ran", fn: name }, "*");
  return JSON.stringify(reply.ok ? { ok: true, value: reply.value ?? null } : { ok: false, message: reply.message ?? "Unknown error" });
}

if (typeof window !== "undefined") Object.defineProperty(window, TRANSPORT_GLOBAL, { value: transport, configurable: true });
