// The schemathesis fuzz runs last in its tier: as the operator it resets demo users' passwords
// and locks logins, so the targeted fuzz files (which log in as the demo users) run before it,
// whatever order earlier runs' timings would suggest. Every other tier keeps Jest's own order.
const Sequencer = require('@jest/test-sequencer').default;

class FuzzLastSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const last = (t) => t.path.endsWith('openapi.fuzz.ts');
    return [...sorted.filter((t) => !last(t)), ...sorted.filter(last)];
  }
}

module.exports = FuzzLastSequencer;
