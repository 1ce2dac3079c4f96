// Builds build/ once before the tests, so the bundle contract always checks what `npm run build` writes.
import { buildAll } from "../scripts/build";

export default async function setup(): Promise<void> {
  await buildAll();
}
