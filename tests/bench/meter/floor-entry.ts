// The bench's floor (tests/bench/floor-extension/content.ts), metered the same way as entry.ts meters ours.
import './prelude';
import '../floor-extension/content';
import './epilogue';
