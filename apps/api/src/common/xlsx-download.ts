import { StreamableFile } from '@nestjs/common';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An .xlsx attachment: an ASCII fallback name for old clients, the real one per RFC 6266. */
export function xlsxDownload(
  file: { filename: string; content: Buffer },
  fallback: string,
): StreamableFile {
  return new StreamableFile(file.content, {
    type: XLSX,
    length: file.content.length,
    disposition: `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
  });
}
