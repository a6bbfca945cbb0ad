/**
 * The clock of the platform's background work: each step runs `stepMs` after it was scheduled, and nothing
 * runs any more once the platform stops (a job left unfinished resumes from the store on the next start).
 */
export class StepTimer {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly stepMs: number) {}

  schedule(work: () => void): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopped) work();
    }, this.stepMs);
    this.timers.add(timer);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
