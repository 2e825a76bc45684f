// Browser tests. Usage: node end2end/run.mjs (after `cargo leptos build`).
import { run } from './harness.mjs';
import './journeys/foundation.mjs';
import './journeys/content.mjs';
import './journeys/sharing.mjs';
import './journeys/training.mjs';
import './journeys/boards.mjs';
import './journeys/analytics.mjs';
import './journeys/pages.mjs';

await run();
