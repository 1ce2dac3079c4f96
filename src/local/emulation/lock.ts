// LockService: document, script and user locks that really exclude a second execution until the first releases or ends.
import type { LockApi, LockServiceApi } from "../../server/apps-script-api";
import { countCalls, type CallCounter } from "./call-counter";
import type { EmulationContext, ExecutionInfo } from "./context";

export const LOCK_TIMEOUT_MESSAGE = "Lock timeout: another process was holding the lock for too long.";

/** Who holds each lock; one table per emulation, shared by all its executions. */
export class LockTable {
  private readonly holders = new Map<string, ExecutionInfo>();

  holder(name: string): ExecutionInfo | undefined {
    const holder = this.holders.get(name);
    // An execution that ended without releasing loses its locks, as in Apps Script.
    if (holder?.ended) this.holders.delete(name);
    return holder?.ended ? undefined : holder;
  }
  acquire(name: string, execution: ExecutionInfo): boolean {
    const holder = this.holder(name);
    if (holder && holder !== execution) return false;
    this.holders.set(name, execution);
    return true;
  }
  release(name: string, execution: ExecutionInfo): void {
    if (this.holder(name) === execution) this.holders.delete(name);
  }
  releaseAll(execution: ExecutionInfo): void {
    for (const [name, holder] of this.holders) if (holder === execution) this.holders.delete(name);
  }
}

export class LockFacade implements LockApi {
  constructor(
    readonly calls: CallCounter,
    private readonly table: LockTable,
    private readonly name: string,
    private readonly execution: ExecutionInfo,
  ) {}
  tryLock(timeoutInMillis: number): boolean {
    void timeoutInMillis;
    // Code runs synchronously, so no other execution can release while this one waits:
    // the answer after any timeout is the answer now.
    return this.table.acquire(this.name, this.execution);
  }
  waitLock(timeoutInMillis: number): void {
    void timeoutInMillis;
    if (!this.table.acquire(this.name, this.execution)) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }
  releaseLock(): void {
    this.table.release(this.name, this.execution);
  }
  hasLock(): boolean {
    return this.table.holder(this.name) === this.execution;
  }
}

export class LockServiceFacade implements LockServiceApi {
  readonly calls;
  constructor(readonly ctx: EmulationContext, readonly table: LockTable) {
    this.calls = ctx.calls;
  }
  getDocumentLock(): LockApi {
    return new LockFacade(this.calls, this.table, "document", this.ctx.currentExecution());
  }
  getScriptLock(): LockApi {
    return new LockFacade(this.calls, this.table, "script", this.ctx.currentExecution());
  }
  getUserLock(): LockApi {
    const execution = this.ctx.currentExecution();
    return new LockFacade(this.calls, this.table, `user:${execution.userEmail}`, execution);
  }
}

countCalls(LockFacade, "Lock");
countCalls(LockServiceFacade, "LockService");
