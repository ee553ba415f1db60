import type { Readable } from 'node:stream';
import type { ReportFormat } from '../security-finding.types';

/** A report file: a path on disk, a readable stream, or its bytes. */
export type ReportSource = string | Readable | Uint8Array;

export interface ParseProgress {
  bytesRead: number;
  /** Null when the source is a stream and the caller did not say how large it is. */
  totalBytes: number | null;
}

export interface ParseReportOptions {
  /** Larger files are refused whole (`too_large`) before or while reading. */
  maxBytes: number;
  /**
   * An XLSX whose zip declares more uncompressed bytes is refused before it is expanded
   * (`workbook_too_large`); a sheet or CSV with more rows is refused (`too_many_rows`).
   */
  maxSheetUnzippedBytes?: number;
  maxSheetRows?: number;
  /** The format the user chose; a file whose content is another format is refused. */
  format?: ReportFormat;
  /** Size of a stream source, for progress (a path's or buffer's size is known). */
  totalBytes?: number;
  onProgress?: (progress: ParseProgress) => void;
}

export interface ParseSummary {
  format: ReportFormat;
  /** Items the file holds: ReportItems, results, scanned vulns, or non-empty sheet rows. */
  itemsRead: number;
  /** Findings yielded (repeats included; see dedupeFindings). */
  findings: number;
  distinctKeys: number;
  /** Sheet rows that comply: counted, not findings. */
  compliant: number;
  /** Items that are not findings by their scanner's word (OpenVAS False Positive). */
  skipped: number;
  /**
   * Optional fields left empty by the scanner, by element, with how many items lacked them
   * (`result/threat`: the severity came from the score). Absent when nothing was missing.
   */
  gaps?: Record<string, number>;
}
