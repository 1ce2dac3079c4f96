// Ui and Menu: menus, sidebars, dialogs and alerts are recorded for tests; alerts answer with a preset button.
import type { HtmlOutputApi, MenuApi, UiApi } from "../../server/apps-script-api";
import { countCalls } from "./call-counter";
import type { EmulationContext } from "./context";
import { ButtonEnum, ButtonSetEnum } from "./enums";
import type { MenuRecord } from "./recorder";

type Button = GoogleAppsScript.Base.Button;
type ButtonSet = GoogleAppsScript.Base.ButtonSet;

export class MenuFacade implements MenuApi {
  readonly calls;
  constructor(readonly ctx: EmulationContext, readonly record: MenuRecord) {
    this.calls = ctx.calls;
  }
  addItem(caption: string, functionName: string): MenuApi {
    this.record.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): MenuApi {
    this.record.items.push("separator");
    return this;
  }
  addSubMenu(menu: MenuApi): MenuApi {
    if (!(menu instanceof MenuFacade)) throw new Error("addSubMenu: not a menu of this emulation");
    this.record.items.push({ subMenu: menu.record });
    return this;
  }
  addToUi(): void {
    // Adding the same menu again (onOpen runs per open) replaces it, as in Sheets.
    const menus = this.ctx.recorder.menus;
    const at = menus.findIndex((m) => m.caption === this.record.caption && m.addon === this.record.addon);
    const copy = { ...this.record, items: [...this.record.items] };
    if (at >= 0) menus[at] = copy;
    else menus.push(copy);
  }
}

function shownSize(output: HtmlOutputApi): { width: number; height: number } {
  return { width: output.getWidth(), height: output.getHeight() };
}

export class UiFacade implements UiApi {
  readonly calls;
  readonly Button = ButtonEnum;
  readonly ButtonSet = ButtonSetEnum;
  constructor(readonly ctx: EmulationContext) {
    this.calls = ctx.calls;
  }
  alert(titleOrPrompt: string, promptOrButtons?: string | ButtonSet, buttons?: ButtonSet): Button {
    const hasTitle = typeof promptOrButtons === "string";
    this.ctx.recorder.alerts.push({
      title: hasTitle ? titleOrPrompt : null,
      prompt: hasTitle ? promptOrButtons : titleOrPrompt,
      buttons: String((hasTitle ? buttons : promptOrButtons) ?? ButtonSetEnum.OK),
    });
    return ButtonEnum[this.ctx.recorder.alertResponse];
  }
  createAddonMenu(): MenuApi {
    return new MenuFacade(this.ctx, { caption: "Add-on", addon: true, items: [] });
  }
  createMenu(caption: string): MenuApi {
    return new MenuFacade(this.ctx, { caption, addon: false, items: [] });
  }
  showSidebar(userInterface: HtmlOutputApi): void {
    // Sheets fixes a sidebar's width at 300 px whatever was asked.
    this.ctx.recorder.shown.push({ kind: "sidebar", title: userInterface.getTitle(), content: userInterface.getContent(), width: 300, height: shownSize(userInterface).height });
  }
  showModalDialog(userInterface: HtmlOutputApi, title: string): void {
    this.ctx.recorder.shown.push({ kind: "modalDialog", title, content: userInterface.getContent(), ...shownSize(userInterface) });
  }
  showModelessDialog(userInterface: HtmlOutputApi, title: string): void {
    this.ctx.recorder.shown.push({ kind: "modelessDialog", title, content: userInterface.getContent(), ...shownSize(userInterface) });
  }
}

countCalls(MenuFacade, "Menu");
countCalls(UiFacade, "Ui");
