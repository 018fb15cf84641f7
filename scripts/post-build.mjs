// Trunk post-build hook (Trunk.toml), in order: the default view is drawn natively into
// index.html (`youcheng-data firstview`: the page's static first view), then the service
// worker's list is made (scripts/build-sw.mjs), so its hash of index.html is of the final page.
// Trunk runs the hooks of one stage side by side, hence one hook running both.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'youcheng-data', '--', 'firstview'], {
  cwd: root,
  stdio: 'inherit',
});
await import('./build-sw.mjs');
