// A metered content script (scripts/bench.mjs section 7): prelude.ts wraps the callbacks,
// then the content script itself, then epilogue.ts ends the start-up's clock.
import './prelude';
import '../../../extension/content/main';
import './epilogue';
