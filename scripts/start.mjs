// npm start: Azurite (in memory) and the local functions host on http://127.0.0.1:7071, and the
// dev server with the preview on http://localhost:3000/preview.html — the real task pane beside a
// simulated workbook, no Excel needed. `npm run start:excel` serves the pane over https instead,
// for sideloading manifest.xml into Excel. Ctrl+C stops everything this started.
import { spawn } from 'node:child_process';

const excel = process.argv.includes('--excel');
const children = [];
let stopping = false;

function start(name, command, args, readyPattern) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    children.push(child);
    const onData = (chunk) => {
      const text = chunk.toString();
      for (const line of text.split('\n')) if (line.trim()) console.log(`[${name}] ${line}`);
      if (readyPattern.test(text)) resolve(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      if (!stopping) {
        console.error(`[${name}] exited with code ${code}; stopping everything`);
        stop(1);
      }
      reject(new Error(`${name} exited with code ${code}`));
    });
  });
}

function stop(code = 0) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 1500).unref();
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

const bin = (name) => `node_modules/.bin/${name}`;
try {
  await start('functions', bin('tsx'), ['scripts/serve-functions.ts'], /ready/);
  const target = excel ? 'local' : 'preview';
  await start(
    'web',
    bin('webpack'),
    ['serve', '--mode', 'development', '--env', `target=${target}`],
    /compiled (successfully|with \d+ warnings?)/i,
  );
  console.log('');
  console.log('协商 Xieshang is running / 已启动:');
  if (excel) {
    console.log(
      '  Task pane (for Excel):  https://localhost:3000/taskpane.html  — sideload manifest.xml (see README)',
    );
  } else {
    console.log('  Preview, no Excel needed / 无需 Excel 的预览:  http://localhost:3000/preview.html');
  }
  console.log(
    '  Functions API:          http://127.0.0.1:7071/api   (npm run dev-token -- --unit <unitId> --role clerk)',
  );
  console.log('  Ctrl+C stops everything / 按 Ctrl+C 全部停止');
} catch (e) {
  console.error(`could not start: ${e.message}`);
  stop(1);
}
