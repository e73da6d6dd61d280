// The one entry point (DESIGN.md conventions): `npm run -s upskill -- <command>`.
// Each command's module is imported when that command runs: `evaluate` never loads the store, the API
// or the web server (measured: about 0.9 s of start-up on every run).
import { Command, CommanderError } from 'commander';
import { BadInputError, UsageError } from './errors.ts';

const program = new Command()
  .name('upskill')
  .description('攀枝花市职业技能提升行动补贴管理系统（攀办发〔2020〕2 号）')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) })
  .showHelpAfterError('（运行 upskill --help 查看用法）');

program
  .command('evaluate')
  .description('按政策判定申领文件中的每一笔补贴申领，输出 JSON 决定')
  .argument('<file>', '申领文件（JSON，格式见 contracts/evaluate.md）')
  .option('--explain', '每个决定附完整判定过程（规则、事实、参数及其条款和有效期）')
  .option('--policy <package.json...>', '改用指定的政策包文件（可多个），不用随产品提供的政策包')
  .action(async (file: string, options: { explain?: boolean; policy?: string[] }) => {
    const { evaluateCommand } = await import('./evaluate-command.ts');
    await evaluateCommand(file, options, process.stdout);
  });

const DATA_OPTION = [
  '--data <dir>',
  'PGlite 数据目录（默认 UPSKILL_DATA_DIR 或 ./data；设置了 DATABASE_URL 时改用该 PostgreSQL）',
] as const;
const CHECKPOINTS_OPTION = [
  '--checkpoints <file>',
  '审计检查点文件（默认 UPSKILL_AUDIT_CHECKPOINTS，或 PGlite 数据目录中的 audit-checkpoints.jsonl）',
] as const;

program
  .command('serve')
  .description('启动系统（应用数据库迁移，打印访问地址）')
  .option(...DATA_OPTION)
  .option('--port <n>', '监听端口（默认 PORT 或 3000）')
  .option('--host <host>', '监听地址（默认 HOST 或 127.0.0.1）')
  .option('--demo', '数据库为空时先写入演示数据')
  .option(...CHECKPOINTS_OPTION)
  .action(async (flags) => {
    // A bad setting stops the start before the server's modules load (serve-settings.ts).
    const { checkServeSettings } = await import('./serve-settings.ts');
    checkServeSettings();
    const { serveCommand } = await import('./serve-command.ts');
    await serveCommand(flags);
    keepRunning = true;
  });

program
  .command('demo')
  .description('向空数据库写入虚构的攀枝花演示数据，并列出各角色的演示账号')
  .option(...DATA_OPTION)
  .action(async (flags) => {
    const { demoCommand } = await import('./demo-command.ts');
    await demoCommand(flags);
  });

program
  .command('migrate')
  .description('应用尚未应用的数据库迁移（只进不退）')
  .option(...DATA_OPTION)
  .action(async (flags) => {
    const { migrateCommand } = await import('./migrate-command.ts');
    await migrateCommand(flags);
  });

program
  .command('backup')
  .description('备份全部数据：PostgreSQL 用 pg_dump；PGlite 数据目录用其自带的 dumpDataDir（需先停止服务）')
  .argument('<file>', '备份文件')
  .option(...DATA_OPTION)
  .action(async (file: string, flags) => {
    const { backupCommand } = await import('./backup-command.ts');
    await backupCommand(file, flags, (line) => process.stdout.write(`${line}\n`));
  });

program
  .command('restore')
  .description('从备份恢复：PostgreSQL 用 pg_restore（已有数据时需 --yes 确认）；PGlite 只恢复到空目录')
  .argument('<file>', 'upskill backup 生成的备份文件')
  .option(...DATA_OPTION)
  .option('--yes', '确认用备份替换目标数据库中的现有数据（仅 PostgreSQL）')
  .action(async (file: string, flags) => {
    const { restoreCommand } = await import('./backup-command.ts');
    await restoreCommand(file, flags, (line) => process.stdout.write(`${line}\n`));
  });

const audit = program.command('audit').description('审计日志：哈希链、签名检查点、资金核对');

audit
  .command('verify')
  .description('校验审计日志：哈希链、与最新签名检查点是否一致（发现截断和重算），资金表与审计记录的金额是否一致')
  .option(...DATA_OPTION)
  .option(...CHECKPOINTS_OPTION)
  .action(async (flags) => {
    const { auditVerifyCommand } = await import('./audit-command.ts');
    exitCode = await auditVerifyCommand(flags);
  });

audit
  .command('checkpoint')
  .description('为审计日志当前的条数和末条哈希签名，追加到检查点文件，并打印这一行供离线保存')
  .option(...DATA_OPTION)
  .option(...CHECKPOINTS_OPTION)
  .action(async (flags) => {
    const { auditCheckpointCommand } = await import('./audit-command.ts');
    exitCode = await auditCheckpointCommand(flags);
  });

audit
  .command('keygen')
  .description('生成审计签名私钥（Ed25519）写入文件，打印公钥')
  .requiredOption('--out <file>', '私钥文件（不覆盖已有文件）')
  .action(async (options: { out: string }) => {
    const { auditKeygenCommand } = await import('./audit-command.ts');
    exitCode = auditKeygenCommand(options);
  });

// A reader that stops early (`upskill evaluate f.json | head`) is not an error: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

let keepRunning = false;
let exitCode = 0;

async function main(): Promise<number> {
  try {
    await program.parseAsync(process.argv);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof BadInputError) {
      process.stderr.write(`${e.lines.join('\n')}\n`);
      return 2;
    }
    // A bad setting (src/settings.ts), by name: importing that module here would slow every command.
    if (e instanceof Error && e.name === 'SettingsError') {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    process.stderr.write(`upskill: 内部错误：${(e as Error).message}\n`);
    if (process.env.DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    return 1;
  }
}

const code = await main();
if (!keepRunning || code !== 0) process.exitCode = code;
