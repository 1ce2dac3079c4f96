// The page's calls to the preview server: JSON over fetch, each carrying this run's token.
import { apiHeaders } from "./preview-token";

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: apiHeaders(false) });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, { method: "POST", headers: apiHeaders(true), body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
