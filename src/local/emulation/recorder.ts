// What the add-on showed a user (toasts, menus, sidebars, dialogs, alerts), kept so tests can assert it.

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number | null;
}

export type MenuEntry = { caption: string; functionName: string } | "separator" | { subMenu: MenuRecord };

export interface MenuRecord {
  /** "Add-on" for createAddonMenu, the caption for createMenu. */
  caption: string;
  addon: boolean;
  items: MenuEntry[];
}

export interface HtmlShownRecord {
  kind: "sidebar" | "modalDialog" | "modelessDialog";
  title: string;
  content: string;
  width: number;
  height: number;
}

export interface AlertRecord {
  title: string | null;
  prompt: string;
  buttons: string;
}

export class Recorder {
  readonly toasts: ToastRecord[] = [];
  readonly menus: MenuRecord[] = [];
  readonly shown: HtmlShownRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  flushes = 0;
  /** The button the emulated user presses on the next alerts ("OK" unless a test says otherwise). */
  alertResponse: "OK" | "CANCEL" | "YES" | "NO" | "CLOSE" = "OK";

  get sidebars(): HtmlShownRecord[] {
    return this.shown.filter((s) => s.kind === "sidebar");
  }

  get dialogs(): HtmlShownRecord[] {
    return this.shown.filter((s) => s.kind !== "sidebar");
  }

  clear(): void {
    this.toasts.length = 0;
    this.menus.length = 0;
    this.shown.length = 0;
    this.alerts.length = 0;
    this.flushes = 0;
  }
}
