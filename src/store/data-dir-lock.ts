// PGlite has no lock of its own on its data folder, and two processes writing one folder corrupt it
// (STACK-NOTES trap 1). One server process per folder: a lock file holding the owner's pid, created
// exclusively; a lock left by a process that no longer runs (killed, crashed) is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(`数据目录 ${dir} 正被另一个 upskill 进程（pid ${pid}）使用；同一数据目录只能由一个进程打开`);
    this.name = 'DataDirLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder's lock for this process; returns the function that releases it. */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, '.upskill.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(owner) && alive(owner)) throw new DataDirLockedError(dir, owner);
      rmSync(path, { force: true }); // the owner is gone: a stale lock
    }
  }
  throw new Error(`无法获得数据目录 ${dir} 的锁`);
}
