import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, type ReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { AppConfig } from '@luyue/config';
import { DomainError, validationFailed } from '@luyue/domain';
import { fileNameProblem, safeFileName } from '../common/text-rules';

/** A file as it landed on disk, before its row is written. */
export interface StoredUpload {
  id: string;
  storageKey: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

// The first bytes a type must start with; a declared type whose bytes disagree is refused.
const MAGIC: Readonly<Record<string, readonly number[]>> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46],
  'image/png': [0x89, 0x50, 0x4e, 0x47],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'application/zip': [0x50, 0x4b, 0x03, 0x04],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [
    0x50, 0x4b, 0x03, 0x04,
  ],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': [0x50, 0x4b, 0x03, 0x04],
};

// Programs, whatever type they are declared as: a Windows PE (`MZ`), ELF, Mach-O, a script.
const EXECUTABLE: ReadonlyArray<readonly number[]> = [
  [0x4d, 0x5a],
  [0x7f, 0x45, 0x4c, 0x46],
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe],
  [0x23, 0x21],
];

const startsWith = (head: Buffer, magic: readonly number[]): boolean =>
  magic.every((byte, i) => head[i] === byte);

/**
 * The file store under FILE_STORE_DIR: uploads are streamed to disk while their sha256 is
 * computed (never held in memory), with the configured size and type limits.
 */
@Injectable()
export class FileStoreService {
  private readonly root: string;

  constructor(private readonly config: AppConfig) {
    this.root = resolve(config.fileStoreDir);
    mkdirSync(this.root, { recursive: true });
  }

  /**
   * A multer storage engine writing into this store. `anyType` for files whose content says
   * what they are (scanner reports arrive as application/octet-stream): the reader checks them.
   */
  engine(options: { anyType?: boolean } = {}): StorageEngine {
    return {
      _handleFile: (_req: Request, file, cb) => {
        // Checked before a byte is written: multer then removes the form's earlier files.
        const problem = fileNameProblem(file.fieldname, file.originalname);
        if (problem) {
          file.stream.resume();
          cb(validationFailed([problem]));
          return;
        }
        this.write(file.stream, file.originalname, file.mimetype, options.anyType).then(
          (stored) => cb(null, stored),
          (error: Error) => cb(error),
        );
      },
      _removeFile: (_req: Request, file, cb) => {
        const key = (file as unknown as Partial<StoredUpload>).storageKey;
        (key ? this.remove(key) : Promise.resolve()).then(() => cb(null), cb);
      },
    };
  }

  async write(
    stream: NodeJS.ReadableStream,
    filename: string,
    declared: string,
    anyType = false,
  ): Promise<StoredUpload> {
    const contentType = (declared || 'application/octet-stream').toLowerCase();
    if (!anyType && !this.config.fileTypes.includes(contentType)) {
      throw new DomainError(
        'unsupported_media_type',
        'file.type_refused',
        { type: declared },
        {
          accepted: this.config.fileTypes,
        },
      );
    }
    const id = randomUUID();
    const storageKey = `${id.slice(0, 2)}/${id}`;
    mkdirSync(join(this.root, id.slice(0, 2)), { recursive: true });
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (head.length < 8) head = Buffer.concat([head, chunk.subarray(0, 8)]);
        hash.update(chunk);
        done(null, chunk);
      },
    });
    const path = join(this.root, storageKey);
    try {
      await pipeline(stream, counter, createWriteStream(path, { flags: 'wx' }));
    } catch (error) {
      await this.remove(storageKey);
      throw error;
    }
    const magic = MAGIC[contentType];
    if (magic && !startsWith(head, magic)) {
      await this.remove(storageKey);
      throw new DomainError('unsupported_media_type', 'file.type_mismatch', {
        filename,
        type: declared,
      });
    }
    // A program passed off as text or a document is refused, whatever it is declared as.
    if (EXECUTABLE.some((sig) => startsWith(head, sig))) {
      await this.remove(storageKey);
      throw new DomainError(
        'unsupported_media_type',
        'file.executable',
        { filename },
        {
          accepted: this.config.fileTypes,
        },
      );
    }
    return {
      id,
      storageKey,
      filename: safeFileName(filename),
      contentType,
      size,
      sha256: hash.digest('hex'),
    };
  }

  open(storageKey: string): ReadStream {
    return createReadStream(join(this.root, storageKey));
  }

  async remove(storageKey: string): Promise<void> {
    await rm(join(this.root, storageKey), { force: true });
  }
}
