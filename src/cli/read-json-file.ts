// Reads a JSON file a user names, with a clear Chinese message for each way it can be wrong.
import { readFileSync, statSync } from 'node:fs';
import { BadInputError } from './errors.ts';

function lineAndColumn(text: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `第 ${line} 行第 ${position - lineStart + 1} 列`;
}

export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    if (statSync(path).isDirectory()) throw new BadInputError([`${path}: 是一个目录，不是文件`]);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof BadInputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BadInputError([`${path}: 文件不存在`]);
    if (code === 'EACCES') throw new BadInputError([`${path}: 没有读取权限`]);
    throw new BadInputError([`${path}: 无法读取（${code ?? (e as Error).message}）`]);
  }
  if (text.trim() === '') throw new BadInputError([`${path}: 文件为空`]);
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const message = (e as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? `，位置：${lineAndColumn(text, Number(position[1]))}` : '';
    throw new BadInputError([`${path}: 不是有效的 JSON${where}（${message}）`]);
  }
}
