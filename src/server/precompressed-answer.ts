import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  acceptedEncoding,
  COMPRESS_THRESHOLD,
  type CompressEncoding,
  compressed,
  markEncoded,
} from './plugins/compression.js';

/**
 * A JSON answer kept as bytes, with its brotli and gzip forms made the first time a phone asks for
 * them and kept beside it: for an answer read far more often than it changes (a trip's checklist,
 * kept per family revision), so that a read as a phone asks for it costs what a plain one does.
 */
export class PrecompressedAnswer {
  private readonly forms = new Map<CompressEncoding, Buffer>();

  constructor(readonly json: Buffer) {}

  static of(value: unknown): PrecompressedAnswer {
    return new PrecompressedAnswer(Buffer.from(JSON.stringify(value)));
  }

  /** The bytes for `encoding`, compressed on first use with the compression plugin's settings. */
  bytes(encoding: CompressEncoding): Buffer {
    let form = this.forms.get(encoding);
    if (!form) {
      form = compressed(this.json, encoding);
      this.forms.set(encoding, form);
    }
    return form;
  }

  /** Sends the answer in the form this request accepts; below the plugin's threshold, as it is. */
  send(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    reply.type('application/json; charset=utf-8');
    const encoding = this.json.length >= COMPRESS_THRESHOLD ? acceptedEncoding(request) : null;
    markEncoded(reply, encoding);
    return reply.send(encoding ? this.bytes(encoding) : this.json);
  }
}
