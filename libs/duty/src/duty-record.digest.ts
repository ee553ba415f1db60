import type { CheckAnswer } from './duty.types';
import type { StoredFileRef } from '@luyue/domain';

/**
 * The canonical text of a record, what its sha256 is taken of: the summary, each answer in the
 * checklist's order and each file by its own sha256, so the same content always hashes alike.
 */
export function recordDigestText(record: {
  summary: string;
  answers: CheckAnswer[];
  reportFiles: StoredFileRef[];
}): string {
  const file = (f: StoredFileRef) => ({ name: f.filename, sha256: f.sha256 });
  return JSON.stringify({
    summary: record.summary,
    answers: record.answers.map((a) => ({
      key: a.key,
      result: a.result,
      note: a.note,
      files: a.files.map(file),
    })),
    reportFiles: record.reportFiles.map(file),
  });
}
