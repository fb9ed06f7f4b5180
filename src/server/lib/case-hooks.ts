// What happens after a case change commits, wired in buildApp so modules need not import each
// other: the router assigns waiting work whenever a change may have queued a complaint or freed
// someone's capacity (filing, return from transfer, appeal, resolution, absence ending, …).
export interface CaseHooks {
  /** Assign whatever can be assigned now; never throws (failures are logged, the job retries). */
  queueChanged(): Promise<void>;
}

export const NO_CASE_HOOKS: CaseHooks = {
  async queueChanged() {},
};
