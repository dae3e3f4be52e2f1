import type { ReadinessReport } from '../health/readiness.registry';
import type { ConsumerMonitor } from './consumer-monitor';

/**
 * The consumer's say in readiness: not ready while it is not in its group or a partition waits on a
 * transient failure (nothing is lost, but this replica is behind); lag and open parked messages as details.
 */
export async function consumerReadiness(monitor: ConsumerMonitor): Promise<ReadinessReport> {
  const stats = monitor.stats();
  if (!stats) return { ready: false, details: { reason: 'consumer not started' } };
  const parked = await monitor.parkedCount();
  const details = { lag: stats.lag, parked, batches: stats.batches, applied: stats.applied };
  if (!stats.running) return { ready: false, details: { ...details, reason: 'not connected to its group' } };
  if (stats.stalled.length > 0) return { ready: false, details: { ...details, stalled: stats.stalled } };
  return { ready: true, details };
}
