import { Negotiator } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { BROTLI_OPTIONS, COMPRESS_ENCODINGS, COMPRESS_THRESHOLD } from './plugins/compression.js';

type Encoding = (typeof COMPRESS_ENCODINGS)[number];

// The same choice the compression plugin makes (its preference order, q-values honoured, `*` and
// `x-gzip` read as gzip), so an answer looks the same whichever of the two sent it. No cache of
// header → choice: headers are the sender's to vary, and a cache of them would grow with them.
const negotiator = new Negotiator<Encoding>({ supportedValues: [...COMPRESS_ENCODINGS] });
const chosenEncoding = (request: FastifyRequest): Encoding | null => {
  const header = request.headers['accept-encoding'];
  return header ? negotiator.negotiate(header.toLowerCase().replace(/\*|x-gzip/gu, 'gzip')) : null;
};

/**
 * A JSON answer kept as bytes, with its brotli and gzip forms made the first time a phone asks for
 * them and kept beside it. For an answer read far more often than it changes (a trip's checklist,
 * kept per family revision): the compression plugin compresses every answer anew through a stream,
 * which cut checklist reads as a phone asks for them ("gzip, deflate, br") from about 9,000 to
 * 900–1,900 a second on this machine (bench/README.md); compressed once, they cost what an
 * uncompressed read does.
 */
export class PrecompressedAnswer {
  private readonly forms = new Map<Encoding, Buffer>();

  constructor(readonly json: Buffer) {}

  static of(value: unknown): PrecompressedAnswer {
    return new PrecompressedAnswer(Buffer.from(JSON.stringify(value)));
  }

  /** The bytes for `encoding`, compressed on first use with the plugin's settings. */
  bytes(encoding: Encoding): Buffer {
    let form = this.forms.get(encoding);
    if (!form) {
      form = encoding === 'br' ? brotliCompressSync(this.json, BROTLI_OPTIONS) : gzipSync(this.json);
      this.forms.set(encoding, form);
    }
    return form;
  }

  /**
   * Sends the answer in the form this request accepts (sets Content-Encoding, so the compression
   * plugin leaves it be). Answers below the plugin's threshold go as they are, as the plugin's would.
   */
  send(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    reply.header('vary', 'accept-encoding').type('application/json; charset=utf-8');
    const encoding = this.json.length >= COMPRESS_THRESHOLD ? chosenEncoding(request) : null;
    if (!encoding) return reply.send(this.json);
    return reply.header('content-encoding', encoding).send(this.bytes(encoding));
  }
}
