// Session: the active user is the current execution's, the effective user the script owner; emails only with the userinfo.email scope, as in Apps Script.
import { createHash } from "node:crypto";
import type { SessionApi, UserApi } from "../../server/apps-script-api";
import { countCalls } from "./call-counter";
import type { EmulationContext } from "./context";
import { SCOPES } from "./scopes";

function user(email: string): UserApi {
  return { getEmail: () => email };
}

export class SessionFacade implements SessionApi {
  readonly calls;
  constructor(readonly ctx: EmulationContext) {
    this.calls = ctx.calls;
  }
  /** Without userinfo.email (the add-on's manifest does not ask for it) Apps Script gives a blank email, not an error. */
  private visible(email: string): string {
    return this.ctx.scopes.has(SCOPES.userinfoEmail) ? email : "";
  }
  getActiveUser(): UserApi {
    return user(this.visible(this.ctx.currentExecution().userEmail));
  }
  getEffectiveUser(): UserApi {
    return user(this.visible(this.ctx.effectiveUserEmail));
  }
  /** Needs no scope: the same for one user of one script, telling nothing of who it is. */
  getTemporaryActiveUserKey(): string {
    return createHash("sha256").update(`${this.ctx.workbook.id}\u0000${this.ctx.currentExecution().userEmail}`).digest("base64url").slice(0, 43);
  }
  getScriptTimeZone(): string {
    return this.ctx.scriptTimeZone;
  }
  getActiveUserLocale(): string {
    return "en";
  }
}

countCalls(SessionFacade, "Session");
