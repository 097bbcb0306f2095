/**
 * Before any test: rebuilds `dist/`, which `npm start` and the commands run, so the tests that
 * start them as processes run the code under test and never a bundle left from older sources.
 */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/build.ts'], { stdio: 'inherit' });
}
