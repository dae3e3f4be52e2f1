// Splits the suite into two halves that share nothing (scripts/test.sh gives each its own broker and database):
// shard 1 takes the files that touch the cluster as a whole (roles, brokers killed, the SASL broker) and the
// browser tests, shard 2 the integration files and each app's and library's own (about half the time each, as
// measured). Each half still runs its files one at a time.
const Sequencer = require('@jest/test-sequencer').default;

const firstHalf = /\/test\/(infrastructure|security|audit|faults|architecture|e2e|browser)\//;

class ShardSequencer extends Sequencer {
  shard(tests, { shardIndex, shardCount }) {
    if (shardCount !== 2) return super.shard(tests, { shardIndex, shardCount });
    return tests.filter((test) => firstHalf.test(test.path) === (shardIndex === 1));
  }
}

module.exports = ShardSequencer;
