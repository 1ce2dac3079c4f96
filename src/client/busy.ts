// Disables the buttons that started a server call until it ends, whether it succeeds or fails.

/** Buttons that were already disabled (an invalid form) stay disabled afterwards. */
export async function whileBusy<T>(buttons: readonly HTMLButtonElement[], status: HTMLElement | null, work: () => Promise<T>): Promise<T> {
  const wasDisabled = buttons.map((b) => b.disabled);
  for (const b of buttons) {
    b.disabled = true;
    b.setAttribute("aria-busy", "true");
  }
  if (status) status.hidden = false;
  try {
    return await work();
  } finally {
    buttons.forEach((b, i) => {
      b.disabled = wasDisabled[i];
      b.removeAttribute("aria-busy");
    });
    if (status) status.hidden = true;
  }
}
