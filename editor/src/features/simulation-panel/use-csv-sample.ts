import { useEffect, useState } from 'react';
import { type CsvSample, HEAD_BYTES, sampleCsv } from '../../core/simulation/csv-preview.ts';
import { isGzipped } from '../../infrastructure/api/simulation-api.ts';

/**
 * The first rows of a chosen CSV file, decoded as the mapping says (Chinese Excel writes GB18030,
 * which the browser's TextDecoder reads): only the head is read, whatever the file's size, and
 * gunzipped first when the file is gzipped. Undefined while it is read, and for a file that cannot be.
 */
export function useCsvSample(file: File | undefined, encoding: string, delimiter: string) {
  const [sample, setSample] = useState<CsvSample>();
  useEffect(() => {
    setSample(undefined);
    if (!file) return;
    let current = true;
    void head(file)
      .then(({ bytes, whole }) => {
        const text = new TextDecoder(encoding).decode(bytes);
        if (current) setSample(sampleCsv(text, { delimiter, whole }));
      })
      // A damaged gzip has no rows to preview; the server names the problem when it is sent.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [file, encoding, delimiter]);
  return sample;
}

/** The file's first HEAD_BYTES, gunzipped when it is gzipped, and whether that is all of it. */
async function head(file: File): Promise<{ bytes: Uint8Array; whole: boolean }> {
  if (!(await isGzipped(file))) {
    const bytes = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
    return { bytes, whole: file.size <= HEAD_BYTES };
  }
  const reader = file.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes: joined(chunks, size), whole: true };
    chunks.push(value);
    size += value.length;
    if (size > HEAD_BYTES) {
      await reader.cancel();
      return { bytes: joined(chunks, size).subarray(0, HEAD_BYTES), whole: false };
    }
  }
}

function joined(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
