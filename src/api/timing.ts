/**
 * Per-stage wall-clock timing (load, model, lifecycle, render, format, write). Enabled by
 * PROTOSKEL_TIMING=1 or --timing; the benchmark reads it to show where time goes.
 */
export class StageTimer {
  private current: string | undefined;
  private startedAt = 0;
  readonly totals = new Map<string, number>();

  /** Ends the running stage (if any) and starts `stage`. */
  start(stage: string): void {
    this.stop();
    this.current = stage;
    this.startedAt = performance.now();
  }

  /** Ends the running stage. */
  stop(): void {
    if (this.current === undefined) return;
    this.totals.set(this.current, (this.totals.get(this.current) ?? 0) + performance.now() - this.startedAt);
    this.current = undefined;
  }

  /** `{ stage: ms }` with two decimals, in the order stages first ran. */
  report(): Record<string, number> {
    this.stop();
    return Object.fromEntries([...this.totals].map(([k, v]) => [k, Math.round(v * 100) / 100]));
  }
}
