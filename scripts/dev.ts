// Run the CLI from source without building: `npx tsx scripts/dev.ts scan corpus`.
import { main } from '../src/cli/main.js';

await main(process.argv.slice(2));
