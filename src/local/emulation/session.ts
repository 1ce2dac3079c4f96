// Session: the active user is the current execution's; the effective user is the script owner.
import type { SessionApi, UserApi } from "../../server/apps-script-api";
import { countCalls } from "./call-counter";
import type { EmulationContext } from "./context";

function user(email: string): UserApi {
  return { getEmail: () => email };
}

export class SessionFacade implements SessionApi {
  readonly calls;
  constructor(readonly ctx: EmulationContext) {
    this.calls = ctx.calls;
  }
  getActiveUser(): UserApi {
    return user(this.ctx.currentExecution().userEmail);
  }
  getEffectiveUser(): UserApi {
    return user(this.ctx.effectiveUserEmail);
  }
  getScriptTimeZone(): string {
    return this.ctx.scriptTimeZone;
  }
  getActiveUserLocale(): string {
    return "en";
  }
}

countCalls(SessionFacade, "Session");
