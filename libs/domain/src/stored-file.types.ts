/** A stored file: its bytes are on disk, its sha256 in the audit trail. */
export interface StoredFileRef {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}
