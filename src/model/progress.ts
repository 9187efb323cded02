/**
 * A project's completion as the report gives it: the rate it states, and the rate its done and total
 * amounts make. The stated rate is always the one shown; the computed one is shown beside it, and
 * validation warns where the two disagree by more than rounding explains.
 */
import type { Progress } from '../schemas/projects.ts';

/** Stated and computed completion rates may differ by rounding; beyond this they disagree. */
export const RATE_TOLERANCE = 0.5;

/** done / total in percent, when the report gives both and the total is not zero. */
export function computedRate(p: Pick<Progress, 'done' | 'total'>): number | undefined {
  return p.done && p.total && p.total.value > 0 ? (p.done.value / p.total.value) * 100 : undefined;
}

/** Whether the stated rate and the one its amounts make disagree beyond rounding. */
export function ratesDisagree(p: Pick<Progress, 'done' | 'total' | 'rate'>): boolean {
  const computed = computedRate(p);
  return computed !== undefined && p.rate !== undefined && Math.abs(computed - p.rate) > RATE_TOLERANCE;
}
