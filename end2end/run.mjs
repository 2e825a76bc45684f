// Browser tests. Usage: node end2end/run.mjs (after `cargo leptos build`).
import { run } from './harness.mjs';
import './journeys/foundation.mjs';

await run();
