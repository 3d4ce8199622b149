import { useEffect, useState } from 'react';
import { type CsvSample, HEAD_BYTES, sampleCsv } from '../../core/simulation/csv-preview.ts';

/**
 * The first rows of a chosen CSV file, decoded as the mapping says (Chinese Excel writes GB18030,
 * which the browser's TextDecoder reads): only the head is read, whatever the file's size.
 */
export function useCsvSample(file: File | undefined, encoding: string, delimiter: string) {
  const [sample, setSample] = useState<CsvSample>();
  useEffect(() => {
    setSample(undefined);
    if (!file) return;
    let current = true;
    void file
      .slice(0, HEAD_BYTES)
      .arrayBuffer()
      .then((bytes) => {
        const text = new TextDecoder(encoding).decode(bytes);
        if (current) setSample(sampleCsv(text, { delimiter, whole: file.size <= HEAD_BYTES }));
      });
    return () => {
      current = false;
    };
  }, [file, encoding, delimiter]);
  return sample;
}
