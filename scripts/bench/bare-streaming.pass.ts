import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';

/**
 * The baseline the parser is measured against: saxes over the same file doing nothing but
 * counting ReportItems. The parser's extra time is what it costs to build findings.
 */
export async function bareStreamingPass(path: string): Promise<{ items: number; seconds: number }> {
  const started = process.hrtime.bigint();
  const parser = new SaxesParser();
  let items = 0;
  parser.on('opentag', (tag) => {
    if (tag.name === 'ReportItem') items++;
  });
  for await (const chunk of createReadStream(path, {
    encoding: 'utf8',
    highWaterMark: 256 * 1024,
  })) {
    parser.write(chunk as string);
  }
  parser.close();
  return { items, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
